/**
 * The live updates island on synthetic story 5 (live coverage, 25 entries) as a reader meets it
 * without a publish: it polls the story's live.json every LIVE_POLL_SECONDS while the tab is in
 * view, shows nothing when nothing changed, and the page is complete without JavaScript. (The
 * button for a new entry, on every base, is in e2e/publish/publish.spec.ts.)
 */
import type { Page } from "@playwright/test";
import { LIVE_POLL_CACHE_CONTROL } from "../../lib/http-headers.mjs";
import { livePollPath } from "../../lib/url.mjs";
import { LIVE_POLL_SECONDS } from "../../site.config.mjs";
import { expect, test } from "../fixtures";

const story = "/stories/synthetic-00005";
const poll = livePollPath(story);

/** The polls the page sends from now on, and those whose answer has arrived. */
function countPolls(page: Page) {
  const polls: number[] = [];
  const answered: number[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === poll) polls.push(Date.now());
  });
  page.on("requestfinished", (request) => {
    if (new URL(request.url()).pathname === poll) answered.push(Date.now());
  });
  return Object.assign(polls, { answered });
}

/**
 * The island sets its next poll's timer once the last answer has been read: wait for the
 * answer, and a moment of real time for the page to read it, before moving the clock on.
 */
async function afterAnswer(page: Page, polls: ReturnType<typeof countPolls>, n: number) {
  await expect.poll(() => polls.answered.length).toBe(n);
  await page.waitForTimeout(300);
}

test("the poll answers the live story's entries, cacheable for seconds; any other story's is a 404", async ({
  page,
  request,
}) => {
  const answer = await request.get(poll);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toBe(LIVE_POLL_CACHE_CONTROL);
  const state = await answer.json();
  await page.goto(story);
  // The page shows the newest entries (older ones may be on later pages), and the island knows them all.
  const listed = page.locator("#live-entries article[data-entry-id]");
  await expect(listed.first()).toHaveAttribute("data-entry-id", state.newest);
  expect(await listed.count()).toBeLessThanOrEqual(state.count);
  await expect(page.locator("[data-live-updates]")).toHaveAttribute("data-count", String(state.count));
  await expect(page.locator("[data-live-updates]")).toHaveAttribute("data-version", state.version);
  for (const other of ["/stories/synthetic-00004", "/stories/no-such-story"]) {
    expect((await request.get(livePollPath(other))).status(), other).toBe(404);
  }
  // A story that is not live has no island at all.
  await page.goto("/stories/synthetic-00004");
  await expect(page.locator("[data-live-updates]")).toHaveCount(0);
});

test("the island polls every LIVE_POLL_SECONDS while the tab is in view, not while hidden, and shows no button when nothing changed", async ({
  page,
  axe,
}) => {
  await page.clock.install();
  const polls = countPolls(page);
  await page.goto(story);
  await expect(page.locator("[data-live-updates] button")).toBeHidden();
  // Once the island's code has loaded (its chunk), each interval is one poll.
  await page.waitForLoadState("networkidle");
  await page.clock.runFor(LIVE_POLL_SECONDS * 1000);
  await expect.poll(() => polls.length).toBe(1);
  await afterAnswer(page, polls, 1);
  await page.clock.runFor(LIVE_POLL_SECONDS * 1000);
  await expect.poll(() => polls.length).toBe(2);
  await afterAnswer(page, polls, 2);
  await expect(page.locator("[data-live-updates] button")).toBeHidden();
  await expect(page.locator('[data-live-updates] [aria-live="polite"]')).toHaveText("");

  // The reader switches tabs: no polls; back, one at once.
  const setVisibility = (state: "hidden" | "visible") =>
    page.evaluate((state) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await page.clock.runFor(LIVE_POLL_SECONDS * 3 * 1000);
  await page.waitForTimeout(300);
  expect(polls.length, "no poll while hidden").toBe(2);
  await setVisibility("visible");
  await expect.poll(() => polls.length).toBe(3);
  await axe();
});

test("without JavaScript the live page is complete as loaded, with no button", async ({
  browser,
  request,
}) => {
  const state = await (await request.get(poll)).json();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(story);
  const listed = page.locator("#live-entries article[data-entry-id]");
  await expect(listed.first()).toHaveAttribute("data-entry-id", state.newest);
  expect(await listed.count()).toBeGreaterThan(1);
  await expect(page.getByRole("button", { name: /new update/ })).toHaveCount(0);
  await context.close();
});
