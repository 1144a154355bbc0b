/** robots.txt, sitemap.xml and the Google News sitemap: what crawlers are told to read. */
import { XMLValidator } from "fast-xml-parser";
import { SITE_URL } from "./env";
import { expect, publicPath, sitemapXml, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("sitemaps and robots.txt", () => {
  test("robots.txt allows crawling and names both sitemaps", async ({ fetchText }) => {
    const { text, type } = await fetchText("/robots.txt");
    expect(type).toContain("text/plain");
    expect(text).toMatch(/User-Agent: \*\nAllow: \//i);
    expect(text).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`);
  });

  test("sitemap.xml lists every public page with its last change, each answering 200 with itself as canonical", async ({
    fetchText,
    sitemapUrls,
  }) => {
    const urls = await sitemapUrls();
    const paths = urls.map((u) => publicPath(u.loc));
    for (const expected of ["/", "/world", firstStory.path, firstStory.authorPath, "/topics/trade"]) {
      expect(paths).toContain(expected);
    }
    expect(new Set(paths).size).toBe(paths.length);
    const story = urls.find((u) => u.loc === `${SITE_URL}${firstStory.path}`)!;
    expect(new Date(story.lastmod!).toISOString()).toBe("2025-06-07T11:00:00.000Z");
    // Every page listed has something on it, so every one has a last change.
    for (const { loc, lastmod } of urls) expect(Number.isNaN(Date.parse(lastmod ?? "")), loc).toBe(false);
    // Empty sections are left out (and their pages say noindex).
    expect(paths).not.toContain("/culture");
    for (const { loc } of urls) {
      const { text } = await fetchText(publicPath(loc));
      expect(text).toContain(`<link rel="canonical" href="${loc}"/>`);
    }
  });

  test("the Google News sitemap is well formed and empty while no story is under two days old", async ({
    fetchText,
  }) => {
    const { text, type } = await fetchText("/news-sitemap.xml");
    expect(type).toContain("xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const urlset = sitemapXml.parse(text).urlset;
    expect(urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(urlset.url ?? []).toHaveLength(0);
  });
});
