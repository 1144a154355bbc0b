import { SITE_URL } from "../env";
import { expect, test } from "../fixtures";
import { readAllSyntheticStories, readSyntheticStories } from "./stories";

const all = readAllSyntheticStories();
/** The topics some public story has: those have a page. */
const publicTopics = new Set(readSyntheticStories().flatMap((s) => s.topics));
const draft = all.find((s) => s.draft)!;
const scheduled = all.find((s) => s.published > Date.now())!;
const corrected = all.find((s) => s.slug === "synthetic-00013")!;

test.describe("drafts and scheduled stories in a production build", () => {
  for (const [name, story] of [
    ["a draft", () => draft],
    ["a scheduled story", () => scheduled],
  ] as const) {
    test(`${name} has no page and appears in no listing, feed, sitemap or search result`, async ({
      request,
    }) => {
      const { slug, url, section, headline, topics } = story();
      expect((await request.get(url)).status()).toBe(404);
      expect((await request.get(`${url}/social.png`)).status()).toBe(404);
      const places = [
        "/",
        `/${section.toLowerCase()}`,
        ...topics.map((t) => `/topics/${t}`),
        "/authors/synthetic-author",
        "/feed.xml",
        "/atom.xml",
        "/feed.json",
        `/${section.toLowerCase()}/feed.xml`,
        "/authors/synthetic-author/feed.json",
        "/sitemap.xml",
        "/news-sitemap.xml",
        `/search?q=${encodeURIComponent(headline.split(": ")[0])}`,
        `/search?q=${slug.split("-")[1]}`,
      ];
      for (const place of places) {
        const response = await request.get(place);
        const body = await response.text();
        // A topic that only the hidden story has has no page: a 404, which names nothing either.
        const topic = /^\/topics\/(.+)$/.exec(place)?.[1];
        expect(response.status(), place).toBe(topic && !publicTopics.has(topic) ? 404 : 200);
        expect(body, place).not.toContain(slug);
        expect(body, place).not.toContain(headline);
      }
    });
  }
});

test.describe("corrections and updates", () => {
  test("the latest shows at the top, the full log at the end, and the dateline says updated", async ({
    page,
  }) => {
    await page.goto(corrected.url);
    const top = page.locator("article header [role=note]");
    await expect(top).toContainText("Updated");
    await expect(top).toContainText("updated with a second synthetic paragraph");
    await expect(top.getByRole("link", { name: "All 2 corrections and updates" })).toHaveAttribute(
      "href",
      "#corrections",
    );
    const log = page.getByRole("region", { name: "Corrections and updates" });
    await expect(log.locator("li")).toHaveCount(2);
    await expect(log.locator("li").nth(0)).toContainText("Updated");
    await expect(log.locator("li").nth(1)).toContainText("Correction");
    await expect(log.locator("li").nth(1)).toContainText("wrong figure");
    const latest = await log.locator("li time").first().getAttribute("datetime");
    expect(Date.parse(latest!)).toBe(corrected.published + 2 * 3600_000);
    const dateline = page.locator("article header p", { hasText: "Published" });
    await expect(dateline).toContainText("Updated");
    const updated = dateline.locator("time").nth(1);
    await expect(updated).toHaveAttribute("datetime", latest!);
  });

  test("the latest entry sets the story's modified time in metadata, structured data, feeds and sitemap", async ({
    request,
  }) => {
    const latest = new Date(corrected.published + 2 * 3600_000).toISOString();
    const html = await (await request.get(corrected.url)).text();
    expect(html).toContain(`<meta property="article:modified_time" content="${latest}"/>`);
    expect(html).toContain(`"dateModified":"${latest}"`);
    expect(html).toContain(`"datePublished":"${new Date(corrected.published).toISOString()}"`);
    const feed = await (await request.get("/feed.json")).json();
    const item = feed.items.find((i: { url: string }) => i.url === `${SITE_URL}${corrected.url}`);
    expect(item, "the corrected story is in the site feed").toBeTruthy();
    expect(new Date(item.date_modified).toISOString()).toBe(latest);
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toMatch(
      new RegExp(`<loc>${SITE_URL}${corrected.url}</loc>\\s*<lastmod>${latest}</lastmod>`),
    );
  });
});
