/** The JSON-LD graph of story, section and home pages, as Google reads it. */
import { SITE_URL } from "./env";
import { expect, publicPath, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

/** Every string value that looks like a URL, anywhere in a JSON value. */
function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^[a-z]+:\/\//i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

test.describe("structured data", () => {
  test("a story is a NewsArticle with everything Google asks for, and a breadcrumb trail", async ({
    jsonLd,
  }) => {
    const graph = await jsonLd(firstStory.path);
    const article = graph.find((n) => n["@type"] === "NewsArticle")!;
    expect(article).toBeTruthy();
    const storyUrl = `${SITE_URL}${firstStory.path}`;
    expect(article.headline).toBe(firstStory.headline);
    expect((article.headline as string).length).toBeLessThanOrEqual(110);
    expect(article.description).toMatch(/^China is sending/);
    for (const field of ["datePublished", "dateModified"]) {
      expect(article[field]).toMatch(ISO_WITH_ZONE);
      expect(Number.isNaN(Date.parse(article[field] as string))).toBe(false);
    }
    expect(article.datePublished).toBe("2025-06-07T11:00:00.000Z");
    // Always a list of Person, as for a co-bylined story (e2e/synthetic/bylines.spec.ts).
    expect(article.author).toEqual([
      { "@type": "Person", name: firstStory.author, url: `${SITE_URL}${firstStory.authorPath}` },
    ]);
    const publisher = article.publisher as Record<string, unknown>;
    expect(publisher["@type"]).toMatch(/Organization$/);
    expect(publisher.name).toBe("Broadsheet");
    expect((publisher.logo as { url: string }).url).toBe(`${SITE_URL}/logo.png`);
    const images = article.image as { url: string; width: string }[];
    expect(images.some((i) => Number(i.width) >= 1200)).toBe(true);
    expect(article.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": storyUrl });
    expect(article.articleSection).toBe("World");
    expect(article.keywords).toEqual([
      "US-China relations",
      "Trade",
      "Tariffs",
      "Rare earths",
      "Semiconductors",
    ]);
    expect(article.inLanguage).toBe("en-GB");
    expect(article.isAccessibleForFree).toBe(true);

    const crumbs = graph.find((n) => n["@type"] === "BreadcrumbList")!;
    expect(crumbs.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: SITE_URL },
      { "@type": "ListItem", position: 2, name: "World", item: `${SITE_URL}/world` },
      { "@type": "ListItem", position: 3, name: firstStory.headline, item: storyUrl },
    ]);
  });

  test("a section page has a breadcrumb trail; the home page names the organisation and the website", async ({
    jsonLd,
  }) => {
    const section = await jsonLd("/world");
    expect(section.map((n) => n["@type"])).toEqual(["BreadcrumbList"]);
    const home = await jsonLd("/");
    expect(home.map((n) => n["@type"]).sort()).toEqual(["NewsMediaOrganization", "WebSite"]);
    const website = home.find((n) => n["@type"] === "WebSite")!;
    expect(website.url).toBe(SITE_URL);
    expect(website.inLanguage).toBe("en-GB");
  });

  test("every URL in structured data is absolute, on the site, and answers 200", async ({
    request,
    jsonLd,
  }) => {
    const urls = new Set<string>();
    for (const path of ["/", "/world", firstStory.path]) {
      for (const url of urlsIn(await jsonLd(path))) urls.add(url.split("#")[0]);
    }
    expect(urls.size).toBeGreaterThan(5);
    for (const url of urls) {
      const response = await request.get(publicPath(url));
      expect(response.status(), url).toBe(200);
    }
  });
});
