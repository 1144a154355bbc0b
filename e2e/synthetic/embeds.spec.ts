/**
 * Embed cards (synthetic story 3 embeds a YouTube video and an X post): nothing leaves for the
 * providers until the reader asks; then exactly the provider's frame loads. The providers'
 * hosts are stubbed (this machine has no internet): what is checked is what the browser asks
 * for, and from where.
 */
import type { Page } from "@playwright/test";
import { FRAME_SANDBOX, frameOf } from "../../schema/embeds.mjs";
import { COLOR_SCHEMES, expect, PROVIDER_STUB_TEXT, test } from "../fixtures";

const story = "/stories/synthetic-00003";

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
    embedProviders: reached,
    offSiteRequests,
  }) => {
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
    expect(offSiteRequests(), "requests to other hosts before the click").toEqual([]);
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
    await expect(page.frameLocator(".embed iframe").getByText(PROVIDER_STUB_TEXT)).toBeVisible();
    expect(offSiteRequests()).toEqual([frameOf("youtube", id)]);
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

  for (const colorScheme of COLOR_SCHEMES) {
    test(`the cards pass axe before and after loading (${colorScheme})`, async ({
      page,
      embedProviders: reached,
      axe,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(story, { waitUntil: "networkidle" });
      await expect(page.getByRole("button", { name: "Load the video from YouTube" })).toBeVisible();
      await axe();
      await page.getByRole("button", { name: "Load the video from YouTube" }).click();
      await expect(page.frameLocator(".embed iframe").getByText(PROVIDER_STUB_TEXT)).toBeVisible();
      expect(reached, "the video's frame, and nothing else, reached a provider").toHaveLength(1);
      await axe();
    });
  }

  test("a story without an embed loads no embed script and has no card", async ({ page, scriptsOf }) => {
    // The embed cards' code: the one script the story with embeds loads and a plain story does not.
    const withEmbeds = await scriptsOf(story);
    const plain = await scriptsOf("/stories/synthetic-00004");
    const embedScripts = [...withEmbeds].filter((url) => !plain.has(url));
    expect(embedScripts).toHaveLength(1);
    const scripts = await scriptsOf("/stories/synthetic-00005");
    expect([...scripts].filter((url) => embedScripts.includes(url))).toEqual([]);
    await expect(page.locator(".embed")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Load the / })).toHaveCount(0);
  });
});

test.describe("embed cards without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("each card is a plain link that works, and nothing loads from the provider", async ({
    page,
    embedProviders: reached,
    offSiteRequests,
  }) => {
    await page.goto(story, { waitUntil: "networkidle" });
    const video = page.locator('.embed[data-embed="youtube"]');
    await expect(video.getByRole("button")).toHaveCount(0);
    await expect(page.locator("iframe")).toHaveCount(0);
    expect(offSiteRequests()).toEqual([]);
    const link = video.getByRole("link");
    const href = (await link.getAttribute("href"))!;
    expect(await link.textContent()).toBe(href);
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(page.getByText(PROVIDER_STUB_TEXT)).toBeVisible();
    expect(reached).toEqual([href]);
  });
});
