import { parseJsonFeed } from "feedsmith";
import Parser from "rss-parser";
import { XMLParser } from "fast-xml-parser";
import { SITE_URL } from "../env";
import { expect, test, testNoAxeViolations } from "../fixtures";
import { readSyntheticStories, syntheticAuthorName } from "./stories";

// The generator gives story 4 two authors; the test reads who from the story's file.
const story = readSyntheticStories().find((s) => s.authors.length > 1)!;
const authors = story.authors.map((slug) => ({
  slug,
  name: syntheticAuthorName(slug),
  url: `/authors/${slug}`,
}));

test.describe("a story with two authors", () => {
  test("reads 'By A and B', each name linking to its author page, each with a picture or initials", async ({
    page,
  }) => {
    await page.goto(story.url);
    const header = page.locator("article header");
    await expect(
      header.getByText(`By ${authors[0].name} and ${authors[1].name}`, { exact: true }),
    ).toBeVisible();
    for (const author of authors) {
      const link = header.getByRole("link", { name: author.name, exact: true });
      await expect(link).toHaveAttribute("href", author.url);
      await expect(link).toHaveAttribute("rel", "author");
      await expect(header.getByRole("img", { name: author.name, exact: true })).toBeVisible();
    }
    // The story's card on the home page names both too.
    await page.goto("/");
    const card = page.locator("article", { has: page.getByRole("link", { name: story.headline }) });
    await expect(card).toContainText(`${authors[0].name} and ${authors[1].name} ·`);
  });

  test("is listed on both authors' pages", async ({ page }) => {
    for (const author of authors) {
      await page.goto(author.url);
      await expect(page.locator("h1")).toHaveText(author.name);
      await expect(page.getByRole("link", { name: story.headline, exact: true })).toBeVisible();
    }
    // The second author wrote nothing else.
    await page.goto(authors[1].url);
    await expect(page.locator("main header")).toContainText("1 story");
  });

  test("names both authors in its JSON-LD and OpenGraph", async ({ page }) => {
    await page.goto(story.url);
    const graph = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "",
    );
    const article = graph["@graph"].find((n: { "@type": string }) => n["@type"] === "NewsArticle");
    expect(article.author).toEqual(
      authors.map((a) => ({ "@type": "Person", name: a.name, url: `${SITE_URL}${a.url}` })),
    );
    const ogAuthors = await page
      .locator('meta[property="article:author"]')
      .evaluateAll((metas) => metas.map((m) => m.getAttribute("content")));
    expect(ogAuthors).toEqual(authors.map((a) => `${SITE_URL}${a.url}`));
  });

  test("names both authors in every feed format, the co-author's own feed included", async ({ request }) => {
    const names = authors.map((a) => a.name);
    for (const feed of ["/feed.xml", "/atom.xml", "/feed.json", `${authors[1].url}/feed.xml`]) {
      const response = await request.get(feed);
      expect(response.status(), feed).toBe(200);
      const text = await response.text();
      let credited: string[];
      if (feed.endsWith(".json")) {
        const item = parseJsonFeed(JSON.parse(text)).items!.find((i) => i.url === `${SITE_URL}${story.url}`)!;
        credited = item.authors!.map((a) => a.name!);
      } else {
        // rss-parser keeps one creator per item; read every dc:creator and Atom author with an XML parser.
        const parsed = new XMLParser({
          isArray: (name) => ["item", "entry", "dc:creator", "author"].includes(name),
        }).parse(text);
        const items = feed.endsWith("atom.xml") ? parsed.feed.entry : parsed.rss.channel.item;
        const item = items.find((i: { link: unknown; guid?: unknown; id?: string }) =>
          JSON.stringify(i).includes(`${SITE_URL}${story.url}`),
        );
        credited = feed.endsWith("atom.xml")
          ? item.author.map((a: { name: string }) => a.name)
          : item["dc:creator"];
        // And a real feed parser still reads the item.
        const real = await new Parser().parseString(text);
        expect(real.items.some((i) => i.title === story.headline)).toBe(true);
      }
      expect(credited, feed).toEqual(names);
    }
  });

  testNoAxeViolations("passes axe", story.url);
});
