/** Every absolute URL the site sends comes from the site URL it was built with, never a local address. */
import { SITE_URL } from "./env";
import { expect, publicPath, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("site URL", () => {
  test("every page, feed and sitemap uses the configured site URL and never a local one", async ({
    fetchText,
    feedLinks,
    sitemapUrls,
  }) => {
    const pages = (await sitemapUrls()).map((u) => publicPath(u.loc));
    expect(pages).toContain(firstStory.path);
    const feeds = new Set<string>();
    for (const path of pages) {
      for (const link of await feedLinks(path)) feeds.add(publicPath(link.href));
    }
    const everything = [...pages, ...feeds, "/robots.txt", "/sitemap.xml", "/news-sitemap.xml"];
    for (const path of everything) {
      const { text } = await fetchText(path);
      expect(text, `${path} mentions a local address`).not.toMatch(/localhost|127\.0\.0\.1|0\.0\.0\.0/);
      // (The news sitemap is empty while no story is under two days old: it has no URL at all.)
      if (path !== "/news-sitemap.xml") expect(text, `${path} has no URL on the site`).toContain(SITE_URL);
    }
    test.info().annotations.push({ type: "checked", description: `${everything.length} URLs` });
  });
});
