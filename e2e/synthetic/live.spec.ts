/**
 * The live page (issue 14): synthetic story 5 is live coverage with more entries than a page
 * holds (one pinned, one key event); story 6 is live coverage that has ended. Expected values
 * come from the generated files (stories.ts), page sizes from site.config.mjs.
 */
import type { Page } from "@playwright/test";
import Parser from "rss-parser";
import { ENTRY_REDIRECT_CACHE_CONTROL } from "../../lib/http-headers.mjs";
import { FEED_ITEMS_COUNT, LIVE_BLOG_UPDATES, LIVE_PAGE_SIZE } from "../../site.config.mjs";
import { expect, test, testNoAxeViolations } from "../fixtures";
import { readAllSyntheticStories, readCoverageEnd, readLiveEntries } from "./stories";

const live = "/stories/synthetic-00005";
const ended = "/stories/synthetic-00006";
const entries = readLiveEntries("synthetic-00005");
const pinned = entries.filter((e) => e.pinned);
const paged = entries.filter((e) => !e.pinned);
const pageOne = paged.slice(0, LIVE_PAGE_SIZE);
const pageTwo = paged.slice(LIVE_PAGE_SIZE, 2 * LIVE_PAGE_SIZE);
const story = (slug: string) => readAllSyntheticStories().find((s) => s.slug === slug)!;

/** The ids and times of the entries in #live-entries, in page order. */
const listed = (page: Page) =>
  page.locator("#live-entries > article[data-entry-id]").evaluateAll((articles) =>
    articles.map((a) => ({
      id: a.getAttribute("data-entry-id"),
      time: Date.parse(a.querySelector("time")!.getAttribute("datetime")!),
    })),
  );

const jsonLd = async (page: Page) =>
  JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)["@graph"] as {
    "@type": string;
    [key: string]: unknown;
  }[];

test.describe("a live story's page", () => {
  test("the data this spec relies on: more entries than a page, one pinned, a key event on page 2", () => {
    expect(paged.length).toBeGreaterThan(LIVE_PAGE_SIZE);
    expect(pinned).toHaveLength(1);
    expect(pageTwo.some((e) => e.key)).toBe(true);
  });

  test("says Live, shows the summary, then key events, the pinned entry, and the newest entries with times", async ({
    page,
  }) => {
    await page.goto(live);
    const header = page.locator("main article header").first();
    await expect(header.getByText("Live", { exact: true })).toBeVisible();
    await expect(header.getByText(/Live coverage ended/)).toHaveCount(0);
    // The summary: the standfirst, under the headline.
    await expect(header.locator("h1")).toHaveText(story("synthetic-00005").headline);
    await expect(header.locator("h1 + p")).toHaveText(story("synthetic-00005").standfirst);

    // Key events: links, each to its entry, wherever it is.
    const keyEvents = page.getByRole("navigation", { name: "Key events" }).getByRole("link");
    const keys = entries.filter((e) => e.key);
    await expect(keyEvents).toHaveCount(keys.length);
    for (const [i, key] of keys.entries()) {
      await expect(keyEvents.nth(i)).toContainText(key.title!);
      const where = pageTwo.includes(key) ? `${live}/page/2#entry-${key.id}` : `#entry-${key.id}`;
      await expect(keyEvents.nth(i)).toHaveAttribute("href", where);
    }

    // The pinned entry comes first, above the list, and says it is pinned.
    const pinnedEntry = page.locator(`article#entry-${pinned[0].id}`);
    await expect(pinnedEntry).toContainText("Pinned");
    await expect(pinnedEntry).toContainText(pinned[0].text);
    const order = await page
      .locator("article[data-entry-id]")
      .evaluateAll((a) => a.map((x) => x.getAttribute("data-entry-id")));
    expect(order[0]).toBe(pinned[0].id);
    await expect(page.locator(`#live-entries article#entry-${pinned[0].id}`)).toHaveCount(0);

    // Then the newest LIVE_PAGE_SIZE others, newest first, each with its time.
    expect(await listed(page)).toEqual(pageOne.map((e) => ({ id: e.id, time: e.time })));
    const newest = page.locator(`#entry-${pageOne[0].id}`);
    await expect(newest).toContainText(pageOne[0].text);
    if (pageOne[0].title) await expect(newest.locator("h2")).toHaveText(pageOne[0].title);
    const titled = pageOne.find((e) => e.title)!;
    await expect(page.locator(`#entry-${titled.id} h2`)).toHaveText(titled.title!);
    // The dateline's update follows the newest entry.
    const times = await header
      .locator("time")
      .evaluateAll((t) => t.map((x) => Date.parse(x.getAttribute("datetime")!)));
    expect(times).toContain(entries[0].time);
  });

  test("each entry links to itself and has a share link to its stable address", async ({ page }) => {
    await page.goto(live);
    for (const entry of [pinned[0], pageOne[0], pageOne[pageOne.length - 1]]) {
      const article = page.locator(`article#entry-${entry.id}`);
      await expect(article.locator(`a[href="#entry-${entry.id}"] time`)).toHaveCount(1);
      await expect(article.getByRole("link", { name: "Share this update" })).toHaveAttribute(
        "href",
        `${live}/entries/${entry.id}`,
      );
    }
    // Following a share link lands on the entry.
    const entry = pageOne[3];
    await page.locator(`#entry-${entry.id}`).getByRole("link", { name: "Share this update" }).click();
    await expect(page).toHaveURL(new RegExp(`${live}#entry-${entry.id}$`));
    await expect(page.locator(`#entry-${entry.id}`)).toBeInViewport();
  });

  test("page 2 holds the oldest entries; past it, and for other stories, a 404", async ({
    page,
    request,
  }) => {
    await page.goto(`${live}/page/2`);
    expect(await listed(page)).toEqual(pageTwo.map((e) => ({ id: e.id, time: e.time })));
    await expect(page.locator(`#entry-${pinned[0].id}`)).toHaveCount(0);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      new RegExp(`${live}/page/2$`),
    );
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination.getByRole("link", { name: /Newer/ })).toHaveAttribute("href", live);
    await expect(page.getByRole("navigation", { name: "Key events" })).toBeVisible();

    await page.goto(live);
    await expect(
      page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Older/ }),
    ).toHaveAttribute("href", `${live}/page/2`);

    const lastPage = Math.ceil(paged.length / LIVE_PAGE_SIZE);
    for (const path of [
      `${live}/page/${lastPage + 1}`,
      `${live}/page/1`,
      `${live}/page/0`,
      `${live}/page/x`,
      `${ended}/page/2`,
      "/stories/synthetic-00007/page/2",
      `${live}/entries/no-such-entry`,
      "/stories/synthetic-00007/entries/entry-00001",
      "/stories/synthetic-00007/feed.xml",
      `${live}/feed.html`,
    ]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });

  test("the permalink of an entry on page 2 leads to page 2, at the entry", async ({ page, request }) => {
    const entry = pageTwo[pageTwo.length - 1];
    const response = await request.get(`${live}/entries/${entry.id}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toBe(`${live}/page/2#entry-${entry.id}`);
    // Browsers ask again each time, shared caches keep it a moment: the entry may move on.
    expect(response.headers()["cache-control"]).toBe(ENTRY_REDIRECT_CACHE_CONTROL);

    await page.goto(`${live}/entries/${entry.id}`);
    await expect(page).toHaveURL(new RegExp(`${live}/page/2#entry-${entry.id}$`));
    await expect(page.locator(`#entry-${entry.id}`)).toBeInViewport();
    await expect(page.locator(`#entry-${entry.id}`)).toContainText(entry.text);
  });

  test("reads whole with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(live);
    await expect(page.locator("article[data-entry-id]")).toHaveCount(pinned.length + pageOne.length);
    for (const entry of [...pinned, ...pageOne]) {
      await expect(page.locator(`#entry-${entry.id}`)).toContainText(entry.text);
    }
    await expect(page.getByRole("navigation", { name: "Key events" }).getByRole("link")).toHaveCount(
      entries.filter((e) => e.key).length,
    );
    await context.close();
  });

  for (const path of [live, `${live}/page/2`, ended])
    testNoAxeViolations(`${path} has no WCAG 2.2 A/AA violations`, path);
});

test.describe("live coverage that has ended", () => {
  test("says when it ended, has no Live label, and is an ordinary story in its listing", async ({ page }) => {
    const end = readCoverageEnd("synthetic-00006")!;
    await page.goto(ended);
    const header = page.locator("main article header").first();
    await expect(header.getByText("Live", { exact: true })).toHaveCount(0);
    const note = header.getByText(/^Live coverage ended/);
    await expect(note).toBeVisible();
    expect(Date.parse((await note.locator("time").getAttribute("datetime"))!)).toBe(end);
    // Its entries are still there, newest first.
    expect((await listed(page)).map((e) => e.id)).toEqual(
      readLiveEntries("synthetic-00006").map((e) => e.id),
    );

    // In the section listing, the running story is labelled Live, the ended one is not.
    for (const [slug, label] of [
      ["synthetic-00005", 1],
      ["synthetic-00006", 0],
    ] as const) {
      const s = story(slug);
      await page.goto(`/${s.section.toLowerCase()}`);
      const card = page.locator("article", { has: page.locator(`a[href="${s.url}"]`) });
      await expect(card.getByText("Live", { exact: true })).toHaveCount(label);
    }
  });
});

test.describe("a live story's distribution", () => {
  test("its JSON-LD is a LiveBlogPosting with its coverage times and newest entries", async ({ page }) => {
    await page.goto(live);
    const article = (await jsonLd(page)).find((n) => n["@type"] === "LiveBlogPosting")!;
    expect(article).toBeTruthy();
    expect(Date.parse(article.coverageStartTime as string)).toBe(story("synthetic-00005").published);
    expect(article.coverageEndTime).toBeUndefined();
    expect(Date.parse(article.dateModified as string)).toBe(entries[0].time);
    const updates = article.liveBlogUpdate as {
      "@type": string;
      headline: string;
      datePublished: string;
      url: string;
      articleBody: string;
    }[];
    expect(updates).toHaveLength(Math.min(LIVE_BLOG_UPDATES, entries.length));
    updates.forEach((update, i) => {
      const entry = entries[i];
      expect(update["@type"]).toBe("BlogPosting");
      expect(Date.parse(update.datePublished)).toBe(entry.time);
      expect(new URL(update.url).pathname).toBe(`${live}/entries/${entry.id}`);
      expect(update.articleBody).toBe(entry.text);
      if (entry.title) expect(update.headline).toBe(entry.title);
      else expect(entry.text.startsWith(update.headline.replace(/…$/, ""))).toBe(true);
    });

    await page.goto(ended);
    const endedArticle = (await jsonLd(page)).find((n) => n["@type"] === "LiveBlogPosting")!;
    expect(Date.parse(endedArticle.coverageEndTime as string)).toBe(readCoverageEnd("synthetic-00006"));

    await page.goto("/stories/synthetic-00007");
    expect((await jsonLd(page)).map((n) => n["@type"])).toContain("NewsArticle");
  });

  test("its own feed parses and lists its entries newest first; the page announces it", async ({
    page,
    request,
  }) => {
    await page.goto(live);
    const href = await page
      .locator('link[rel="alternate"][type="application/rss+xml"]')
      .first()
      .getAttribute("href");
    expect(new URL(href!).pathname).toBe(`${live}/feed.xml`);

    const response = await request.get(`${live}/feed.xml`);
    expect(response.status()).toBe(200);
    const feed = await new Parser().parseString(await response.text());
    const expected = entries.slice(0, FEED_ITEMS_COUNT);
    expect(feed.items.map((i) => new URL(i.guid!).pathname)).toEqual(
      expected.map((e) => `${live}/entries/${e.id}`),
    );
    expect(feed.items.map((i) => Date.parse(i.pubDate!))).toEqual(expected.map((e) => e.time));
    const titled = expected.find((e) => e.title)!;
    expect(feed.items[expected.indexOf(titled)].title).toBe(titled.title);
    expect(feed.items[0]["content:encoded"]).toContain(expected[0].text);

    // The sitemap dates the story by its newest entry.
    const sitemap = await (await request.get("/sitemap.xml")).text();
    const lastmod = new RegExp(`${live}</loc>\\s*<lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
    expect(Date.parse(lastmod!)).toBe(entries[0].time);

    for (const format of ["atom.xml", "feed.json"]) {
      expect((await request.get(`${live}/${format}`)).status(), format).toBe(200);
    }
  });
});
