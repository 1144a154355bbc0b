/** The RSS, Atom and JSON feeds of the site, its sections, topics and authors, read with real parsers. */
import { XMLValidator } from "fast-xml-parser";
import { parseJsonFeed } from "feedsmith";
import Parser from "rss-parser";
import { SITE_URL } from "./env";
import { expect, publicPath, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

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
      fetchText,
      feedLinks,
    }) => {
      const links = await feedLinks(channel.page);
      for (const format of formats) {
        const link = links.find(
          (l) => l.type === format.type && l.title === `${channel.title} (${format.name})`,
        );
        expect(link, `${channel.page} announces its ${format.name} feed`).toBeTruthy();
        const path = publicPath(link!.href);
        expect(path.endsWith(`/${format.file}`)).toBe(true);
        const { text, type } = await fetchText(path);
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
        await fetchText(publicPath(item.link));
      }
    });
  }

  test("every feed of every section, topic and author parses with a real parser", async ({
    fetchText,
    sitemapUrls,
  }) => {
    const { text: sectionsPage } = await fetchText("/sections");
    const listings = [
      "/",
      ...[...sectionsPage.matchAll(/<h2[^>]*><a [^>]*href="(\/[a-z-]+)"/g)].map((m) => m[1]),
      ...(await sitemapUrls())
        .map((u) => publicPath(u.loc))
        .filter((p) => p.startsWith("/authors/") || p.startsWith("/topics/")),
    ];
    expect(listings.length).toBeGreaterThanOrEqual(13);
    let parsed = 0;
    for (const listing of listings) {
      for (const format of formats) {
        const path = `${listing === "/" ? "" : listing}/${format.file}`;
        const { text, type } = await fetchText(path);
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

  test("a section with no stories still has valid, empty feeds", async ({ fetchText }) => {
    const { text } = await fetchText("/culture/feed.xml");
    const feed = await new Parser().parseString(text);
    expect(feed.title).toBe("Culture | Broadsheet");
    expect(feed.items).toHaveLength(0);
  });
});
