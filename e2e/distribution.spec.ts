import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseJsonFeed } from "feedsmith";
import Parser from "rss-parser";
import { readdirSync, readFileSync } from "node:fs";
import { DIST_DIR, SITE_URL } from "./env";
import { firstStory } from "./helpers";

/** A public URL, as crawlers see it, mapped onto the server under test. */
const local = (url: string) => {
  expect(url === SITE_URL || url.startsWith(`${SITE_URL}/`), `${url} is not on ${SITE_URL}`).toBe(true);
  return url.slice(SITE_URL.length) || "/";
};

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "sitemap"].includes(name) });

async function fetchText(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), `${path} answers ${response.status()}`).toBe(200);
  return { text: await response.text(), type: response.headers()["content-type"] ?? "" };
}

async function sitemapUrls(request: APIRequestContext) {
  const { text } = await fetchText(request, "/sitemap.xml");
  expect(XMLValidator.validate(text)).toBe(true);
  return (xml.parse(text).urlset.url as { loc: string; lastmod?: string }[]).map((u) => ({
    loc: u.loc,
    lastmod: u.lastmod,
  }));
}

/** The feeds a page announces in its <head>. */
async function feedLinks(request: APIRequestContext, path: string) {
  const { text } = await fetchText(request, path);
  return [...text.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)" title="([^"]+)"\/>/g)].map(
    ([, type, href, title]) => ({ type, href, title }),
  );
}

/** Every string value that looks like a URL, anywhere in a JSON value. */
function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^[a-z]+:\/\//i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

async function jsonLd(request: APIRequestContext, path: string) {
  const { text } = await fetchText(request, path);
  const blocks = [...text.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]),
  );
  expect(blocks, `${path} has one JSON-LD graph`).toHaveLength(1);
  expect(blocks[0]["@context"]).toBe("https://schema.org");
  return blocks[0]["@graph"] as Record<string, unknown>[];
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

test.describe("site URL", () => {
  test("every page, feed and sitemap uses the configured site URL and never a local one", async ({
    request,
  }) => {
    const pages = (await sitemapUrls(request)).map((u) => local(u.loc));
    expect(pages).toContain(firstStory.path);
    const feeds = new Set<string>();
    for (const path of pages) {
      for (const link of await feedLinks(request, path)) feeds.add(local(link.href));
    }
    const everything = [...pages, ...feeds, "/robots.txt", "/sitemap.xml", "/news-sitemap.xml"];
    for (const path of everything) {
      const { text } = await fetchText(request, path);
      expect(text, `${path} mentions a local address`).not.toMatch(/localhost|127\.0\.0\.1|0\.0\.0\.0/);
      // (The news sitemap is empty while no story is under two days old: it has no URL at all.)
      if (path !== "/news-sitemap.xml") expect(text, `${path} has no URL on the site`).toContain(SITE_URL);
    }
    test.info().annotations.push({ type: "checked", description: `${everything.length} URLs` });
  });
});

test.describe("sitemaps and robots.txt", () => {
  test("robots.txt allows crawling and names both sitemaps", async ({ request }) => {
    const { text, type } = await fetchText(request, "/robots.txt");
    expect(type).toContain("text/plain");
    expect(text).toMatch(/User-Agent: \*\nAllow: \//i);
    expect(text).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`);
  });

  test("sitemap.xml lists every public page with its last change, each answering 200 with itself as canonical", async ({
    request,
  }) => {
    const urls = await sitemapUrls(request);
    const paths = urls.map((u) => local(u.loc));
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
      const { text } = await fetchText(request, local(loc));
      expect(text).toContain(`<link rel="canonical" href="${loc}"/>`);
    }
  });

  test("the Google News sitemap is well formed and empty while no story is under two days old", async ({
    request,
  }) => {
    const { text, type } = await fetchText(request, "/news-sitemap.xml");
    expect(type).toContain("xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const urlset = xml.parse(text).urlset;
    expect(urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(urlset.url ?? []).toHaveLength(0);
  });
});

test.describe("feeds", () => {
  const channels = [
    { page: "/", title: "Broadsheet" },
    { page: "/world", title: "World | Broadsheet" },
    { page: firstStory.authorPath, title: "Nathan Morgan | Broadsheet" },
  ];
  const formats = [
    { file: "feed.xml", type: "application/rss+xml", name: "RSS" },
    { file: "atom.xml", type: "application/atom+xml", name: "Atom" },
    { file: "feed.json", type: "application/feed+json", name: "JSON Feed" },
  ];

  for (const channel of channels) {
    test(`${channel.page} announces its RSS, Atom and JSON feeds, and each parses with the story in full`, async ({
      request,
    }) => {
      const links = await feedLinks(request, channel.page);
      for (const format of formats) {
        const link = links.find(
          (l) => l.type === format.type && l.title === `${channel.title} (${format.name})`,
        );
        expect(link, `${channel.page} announces its ${format.name} feed`).toBeTruthy();
        const path = local(link!.href);
        expect(path.endsWith(`/${format.file}`)).toBe(true);
        const { text, type } = await fetchText(request, path);
        expect(type).toBe(`${format.type}; charset=utf-8`);

        let items: {
          modified?: string;
          id: string;
          link: string;
          title: string;
          author: string;
          published: string;
          summary: string;
          content: string;
        }[];
        if (format.file === "feed.json") {
          const feed = parseJsonFeed(JSON.parse(text));
          expect(JSON.parse(text).version).toBe("https://jsonfeed.org/version/1.1");
          expect(feed.feed_url).toBe(link!.href);
          items = (feed.items ?? []).map((i) => ({
            id: i.id!,
            link: i.url!,
            title: i.title!,
            author: i.authors?.[0]?.name ?? "",
            published: String(i.date_published),
            modified: String(i.date_modified),
            summary: i.summary!,
            content: i.content_html!,
          }));
        } else {
          expect(XMLValidator.validate(text)).toBe(true);
          const feed = await new Parser({
            customFields: { item: ["updated"] },
          }).parseString(text);
          expect(feed.title).toBe(channel.title);
          const rss = format.file === "feed.xml";
          // rss-parser maps RSS's description to `content` and content:encoded to its own key.
          items = (feed.items as unknown as Record<string, string | undefined>[]).map((i) => ({
            id: (rss ? i.guid : i.id)!,
            link: i.link!,
            title: i.title!,
            author: (rss ? i.creator : i.author)!,
            published: i.isoDate!,
            modified: rss ? undefined : i.updated,
            summary: (rss ? i.content : i.summary)!,
            content: (rss ? i["content:encoded"] : i.content)!,
          }));
        }

        expect(items).toHaveLength(1);
        const [item] = items;
        expect(item.title).toBe(firstStory.headline);
        expect(item.link).toBe(`${SITE_URL}${firstStory.path}`);
        expect(item.id).toBe(item.link);
        expect(item.author).toBe(firstStory.author);
        expect(new Date(item.published).toISOString()).toBe("2025-06-07T11:00:00.000Z");
        // RSS 2.0 has no modification date; Atom and JSON Feed must carry one.
        if (format.file !== "feed.xml") {
          expect(new Date(item.modified!).toISOString()).toBe("2025-06-07T11:00:00.000Z");
        }
        expect(item.summary).toMatch(/^China is sending Vice Premier He Lifeng/);
        expect(item.content).toContain("$582 billion in goods trade");
        expect(item.content).toContain("“complexity of Rare Earth products”");
        await fetchText(request, local(item.link));
      }
    });
  }

  test("every feed of every section, topic and author parses with a real parser", async ({ request }) => {
    const { text: sectionsPage } = await fetchText(request, "/sections");
    const listings = [
      "/",
      ...[...sectionsPage.matchAll(/<h2[^>]*><a [^>]*href="(\/[a-z-]+)"/g)].map((m) => m[1]),
      ...(await sitemapUrls(request))
        .map((u) => local(u.loc))
        .filter((p) => p.startsWith("/authors/") || p.startsWith("/topics/")),
    ];
    expect(listings.length).toBeGreaterThanOrEqual(13);
    let parsed = 0;
    for (const listing of listings) {
      for (const format of formats) {
        const path = `${listing === "/" ? "" : listing}/${format.file}`;
        const { text, type } = await fetchText(request, path);
        expect(type, path).toBe(`${format.type}; charset=utf-8`);
        if (format.file === "feed.json") {
          expect(parseJsonFeed(JSON.parse(text)).title, path).toBeTruthy();
        } else {
          expect(XMLValidator.validate(text), path).toBe(true);
          expect((await new Parser().parseString(text)).title, path).toBeTruthy();
        }
        parsed++;
      }
    }
    test.info().annotations.push({ type: "feeds parsed", description: String(parsed) });
  });

  test("a section with no stories still has valid, empty feeds", async ({ request }) => {
    const { text } = await fetchText(request, "/culture/feed.xml");
    const feed = await new Parser().parseString(text);
    expect(feed.title).toBe("Culture | Broadsheet");
    expect(feed.items).toHaveLength(0);
  });
});

test.describe("page metadata", () => {
  const pages = [
    { path: "/", title: "Broadsheet: News, told plainly." },
    { path: firstStory.path, title: `${firstStory.headline} | Broadsheet` },
    { path: "/world", title: "World | Broadsheet" },
    { path: firstStory.authorPath, title: "Nathan Morgan | Broadsheet" },
    { path: "/topics/trade", title: "Trade | Broadsheet" },
  ];
  for (const { path, title } of pages) {
    test(`${path} has a title, description, canonical URL, language, robots and social cards`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page).toHaveTitle(title);
      const meta = (selector: string) => page.locator(selector).getAttribute("content");
      expect((await meta('meta[name="description"]'))!.length).toBeGreaterThan(20);
      expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
        `${SITE_URL}${path === "/" ? "" : path}`,
      );
      expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");
      expect(await meta('meta[name="robots"]')).toContain("index, follow");
      expect(await meta('meta[property="og:url"]')).toBe(`${SITE_URL}${path === "/" ? "" : path}`);
      expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
      const image = (await meta('meta[property="og:image"]'))!;
      const response = await page.request.get(local(image));
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(response.headers()["cache-control"]).toMatch(/^public, max-age=\d+/);
      const png = await response.body();
      // The PNG header's IHDR chunk holds the width and height.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    });
  }

  test("a story's OpenGraph tags describe it as an article", async ({ page }) => {
    await page.goto(firstStory.path);
    const meta = (property: string) => page.locator(`meta[property="${property}"]`);
    await expect(meta("og:type")).toHaveAttribute("content", "article");
    await expect(meta("article:published_time")).toHaveAttribute("content", "2025-06-07T11:00:00.000Z");
    await expect(meta("article:modified_time")).toHaveAttribute("content", "2025-06-07T11:00:00.000Z");
    await expect(meta("article:author")).toHaveAttribute("content", `${SITE_URL}${firstStory.authorPath}`);
    await expect(meta("article:section")).toHaveAttribute("content", "World");
    expect(await meta("article:tag").evaluateAll((els) => els.map((e) => e.getAttribute("content")))).toEqual(
      ["US-China relations", "Trade", "Tariffs", "Rare earths", "Semiconductors"],
    );
    await expect(meta("og:image:alt")).toHaveAttribute("content", firstStory.headline);
  });
});

test.describe("structured data", () => {
  test("a story is a NewsArticle with everything Google asks for, and a breadcrumb trail", async ({
    request,
  }) => {
    const graph = await jsonLd(request, firstStory.path);
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
    request,
  }) => {
    const section = await jsonLd(request, "/world");
    expect(section.map((n) => n["@type"])).toEqual(["BreadcrumbList"]);
    const home = await jsonLd(request, "/");
    expect(home.map((n) => n["@type"]).sort()).toEqual(["NewsMediaOrganization", "WebSite"]);
    const website = home.find((n) => n["@type"] === "WebSite")!;
    expect(website.url).toBe(SITE_URL);
    expect(website.inLanguage).toBe("en-GB");
  });

  test("every URL in structured data is absolute, on the site, and answers 200", async ({ request }) => {
    const urls = new Set<string>();
    for (const path of ["/", "/world", firstStory.path]) {
      for (const url of urlsIn(await jsonLd(request, path))) urls.add(url.split("#")[0]);
    }
    urls.delete("https://schema.org");
    expect(urls.size).toBeGreaterThan(5);
    for (const url of urls) {
      const response = await request.get(local(url));
      expect(response.status(), url).toBe(200);
    }
  });
});

test.describe("caching", () => {
  /** Cache-Control's directives: "public, max-age=60" -> { public: true, "max-age": 60 }. */
  const directives = (header: string | undefined) =>
    Object.fromEntries(
      (header ?? "").split(",").map((d) => {
        const [name, value] = d.trim().split("=");
        return [name, value === undefined ? true : Number(value)];
      }),
    );

  test("pages, feeds and sitemaps: shared caches keep them seconds, so a publish shows at once; stale on failure; hashed assets for a year", async ({
    request,
  }) => {
    for (const path of [
      "/",
      firstStory.path,
      "/world",
      "/feed.xml",
      "/world/atom.xml",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/robots.txt",
    ]) {
      const cc = directives((await request.get(path)).headers()["cache-control"]);
      expect(cc.public, path).toBe(true);
      // A proxy or CDN holds a page at most 2 s before asking again: a publish reaches readers
      // through it within the publishing deadline (5 s).
      expect(cc["s-maxage"], path).toBeLessThanOrEqual(2);
      // A browser at most a minute; any cache may serve a copy while the servers fail, for days.
      expect(cc["max-age"], path).toBeLessThanOrEqual(60);
      expect(cc["stale-if-error"], path).toBeGreaterThanOrEqual(86_400);
    }
    const { text } = await fetchText(request, firstStory.path);
    const asset = /\/_next\/static\/[^"]+\.js/.exec(text)![0];
    expect((await request.get(asset)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  for (const path of [
    firstStory.path,
    "/",
    "/feed.xml",
    "/world/atom.xml",
    "/topics/trade/feed.json",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
    "/search?q=trade",
  ]) {
    test(`${path} answers a conditional request with 304, and a changed tag with the full body`, async ({
      request,
    }) => {
      for (const encoding of ["gzip", "identity"]) {
        const headers = { "Accept-Encoding": encoding };
        const first = await request.get(path, { headers });
        expect(first.status()).toBe(200);
        const body = await first.body();
        expect(body.length, `${path} (${encoding}) has a body`).toBeGreaterThan(50);
        const etag = first.headers()["etag"];
        expect(etag, `${path} (${encoding}) has an ETag`).toMatch(/^(W\/)?"[^"]+"$/);
        const again = await request.get(path, { headers: { ...headers, "If-None-Match": etag } });
        expect(again.status(), `${path} (${encoding}) with its own ETag`).toBe(304);
        expect((await again.body()).length).toBe(0);
        expect(again.headers()["etag"]).toBe(etag);
        const stale = await request.get(path, { headers: { ...headers, "If-None-Match": '"not-this-one"' } });
        expect(stale.status()).toBe(200);
        expect((await stale.body()).equals(body), `${path} (${encoding}) sends the same bytes again`).toBe(
          true,
        );
      }
    });
  }

  test("a range request gets its range, and changes nothing for the next reader", async ({ request }) => {
    const { text } = await fetchText(request, firstStory.path);
    const asset = /\/_next\/static\/[^"]+\.js/.exec(text)![0];
    const whole = await (await request.get(asset, { headers: { "Accept-Encoding": "identity" } })).body();
    for (const path of [asset, firstStory.path]) {
      const part = await request.get(path, { headers: { Range: "bytes=0-99", "Accept-Encoding": "gzip" } });
      expect([200, 206], path).toContain(part.status());
      if (part.status() === 206) {
        expect(part.headers()["content-encoding"], path).toBeUndefined();
        expect((await part.body()).length, path).toBe(100);
      }
    }
    // The next reader, who takes gzip, gets the whole file (Playwright unzips it).
    const after = await request.get(asset, { headers: { "Accept-Encoding": "gzip" } });
    expect(after.headers()["content-encoding"]).toBe("gzip");
    expect((await after.body()).equals(whole)).toBe(true);
  });

  test("the health check reports the build and its stories, and is never cached", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const health = await response.json();
    expect(health.status).toBe("ok");
    // Every story file in content/ is published (none is a draft or scheduled).
    expect(health.stories).toBe(readdirSync("content/stories").filter((f) => f.endsWith(".md")).length);
    expect(readFileSync(`${DIST_DIR}/BUILD_ID`, "utf8").trim()).toBe(health.buildId);
  });
});
