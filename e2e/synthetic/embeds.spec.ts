/**
 * Embed cards (synthetic story 3 embeds a YouTube video and an X post): nothing leaves for the
 * providers until the reader asks; then exactly the provider's frame loads. The providers'
 * hosts are stubbed (this machine has no internet): what is checked is what the browser asks
 * for, and from where.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { FRAME_ORIGINS, FRAME_SANDBOX, frameOf, PROVIDERS } from "../../schema/embeds.mjs";
import { SYNTHETIC } from "../env";
import { expectNoAxeViolations } from "../helpers";

const story = "/stories/synthetic-00003";
const site = new URL(SYNTHETIC.baseURL).origin;

/** Every request the page makes (its frames' included), by URL, from the start. */
function recordRequests(page: Page) {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return {
    elsewhere: () => urls.filter((url) => /^https?:/.test(url) && new URL(url).origin !== site),
  };
}

/** The providers' frame origins and page hosts answer with a stub page, and each request is kept. */
async function stubProviders(context: BrowserContext) {
  const reached: string[] = [];
  const hosts = [
    ...FRAME_ORIGINS,
    ...Object.values(PROVIDERS).flatMap((p) => p.hosts.map((host) => `https://${host}`)),
  ];
  for (const origin of new Set(hosts)) {
    await context.route(`${origin}/**`, (route) => {
      reached.push(route.request().url());
      return route.fulfill({
        contentType: "text/html",
        body: "<!doctype html><html lang=en><title>Stub</title><p>Stub of the provider's page</p>",
      });
    });
  }
  return reached;
}

/** Scrolls to the foot of the page and back, a step at a time, as a reader would. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
  });
}

test.describe("embed cards", () => {
  test("nothing leaves the site before the click; after it, the provider's own frame", async ({
    page,
    context,
  }) => {
    const reached = await stubProviders(context);
    const requests = recordRequests(page);
    await page.goto(story, { waitUntil: "networkidle" });
    const cards = page.locator(".embed[data-embed]");
    await expect(cards).toHaveCount(2);
    const video = page.locator('.embed[data-embed="youtube"]');
    const post = page.locator('.embed[data-embed="x"]');
    await expect(video.getByText("YouTube video")).toBeVisible();
    const load = video.getByRole("button", { name: "Load the video from YouTube" });
    await expect(load).toBeVisible();
    await expect(post.getByRole("button", { name: "Load the post from X" })).toBeVisible();
    await scrollThrough(page);
    await page.waitForLoadState("networkidle");
    expect(requests.elsewhere(), "requests to other hosts before the click").toEqual([]);
    expect(reached).toEqual([]);

    await load.click();
    const frame = video.locator("iframe");
    const id = (await video.getAttribute("data-embed-id"))!;
    await expect(frame).toHaveAttribute("src", frameOf("youtube", id)!);
    expect(await frame.getAttribute("src")).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\//);
    await expect(frame).toHaveAttribute("title", `YouTube video: ${await video.locator("a").textContent()}`);
    await expect(frame).toHaveAttribute("sandbox", FRAME_SANDBOX);
    await expect(frame).toHaveAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    await expect(frame).toBeFocused();
    await expect(video.getByRole("button")).toHaveCount(0);
    // The frame really loaded (from the stub), and nothing else left: the X post is still a card.
    await expect(page.frameLocator(".embed iframe").getByText("Stub of the provider's page")).toBeVisible();
    expect(requests.elsewhere()).toEqual([frameOf("youtube", id)]);
    await expect(post.locator("iframe")).toHaveCount(0);
    // The link to YouTube stays under the frame.
    await expect(video.getByRole("link")).toHaveAttribute("href", /^https:\/\/www\.youtube\.com\/watch\?v=/);

    // Scrolled to first: with a cross-origin frame on the page, Playwright's own scroll before a
    // click left the click undelivered (a reader scrolls by themselves).
    await post.getByRole("button", { name: "Load the post from X" }).scrollIntoViewIfNeeded();
    await post.getByRole("button", { name: "Load the post from X" }).click();
    await expect(post.locator("iframe")).toHaveAttribute(
      "src",
      frameOf("x", (await post.getAttribute("data-embed-id"))!)!,
    );
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the cards pass axe before and after loading (${colorScheme})`, async ({ page, context }) => {
      await stubProviders(context);
      await page.emulateMedia({ colorScheme });
      await page.goto(story, { waitUntil: "networkidle" });
      await expect(page.getByRole("button", { name: "Load the video from YouTube" })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Load the video from YouTube" }).click();
      await expect(page.frameLocator(".embed iframe").getByText("Stub of the provider's page")).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("a story without an embed loads no embed script and has no card", async ({ page }) => {
    await page.goto("/stories/synthetic-00005");
    await expect(page.locator(".embed")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Load the / })).toHaveCount(0);
  });
});

test.describe("embed cards without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("each card is a plain link that works, and nothing loads from the provider", async ({
    page,
    context,
  }) => {
    const reached = await stubProviders(context);
    const requests = recordRequests(page);
    await page.goto(story, { waitUntil: "networkidle" });
    const video = page.locator('.embed[data-embed="youtube"]');
    await expect(video.getByRole("button")).toHaveCount(0);
    await expect(page.locator("iframe")).toHaveCount(0);
    expect(requests.elsewhere()).toEqual([]);
    const link = video.getByRole("link");
    const href = (await link.getAttribute("href"))!;
    expect(await link.textContent()).toBe(href);
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(page.getByText("Stub of the provider's page")).toBeVisible();
    expect(reached).toEqual([href]);
  });
});
