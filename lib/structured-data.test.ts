import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonLd } from "@/components/JsonLd";
import { LIVE_BLOG_UPDATES, sections, site } from "@/site.config.mjs";
import { runScript, scratchWorkspace, servePublishedContent } from "@/tests/content/build-content";
import { getAuthorsOf, getLiveEntries, getSectionOf, getStoryBySlug, type Story } from "./content";
import { breadcrumbs, graph, HEADLINE_MAX, organization, storyArticle, website } from "./structured-data";

/**
 * The structured data of real stories: the synthetic test stories (scripts/generate-stories.mjs:
 * story 1 has a lead image, story 4 two authors, story 5 is live coverage, story 6 live coverage
 * that has ended), plus one with a headline too long for search results, built by the real
 * content build and read through the site's own content module.
 */
const work = scratchWorkspace();
const content = path.join(work, "content-in");
const LONG = "long-headline";

beforeAll(() => {
  const generate = runScript(
    "scripts/generate-stories.mjs",
    ["--count", "6", "--out", content, "--public", path.join(work, "public")],
    work,
    content,
  );
  expect(generate.status, generate.output).toBe(0);
  const headline = `${"A headline that goes on and on about the synthetic budget ".repeat(3)}and ends here`;
  writeFileSync(
    path.join(content, `stories/${LONG}.md`),
    `---\nheadline: ${headline}\nstandfirst: Test data.\npublished: 2025-06-01T12:30:00Z\nauthor: synthetic-author\nsection: Business\ntopics: [Test]\n---\n\nTest paragraph.\n`,
  );
}, 120_000);
servePublishedContent(content, work);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A story as the site has it, with what its source file says, for the expectations. */
function story(slug: string) {
  const found = getStoryBySlug(slug);
  if (!found) throw new Error(`no story ${slug}`);
  const source = readFileSync(path.join(content, `stories/${slug}.md`), "utf8");
  const frontMatter = parseYaml(source.split(/^---$/m)[1]) as Record<string, unknown>;
  return { story: found, frontMatter };
}

/** The article node the story page renders, as a search engine reads it from the page. */
function readByCrawler(found: Story) {
  const section = getSectionOf(found);
  const trail = [
    { name: "Home", path: "/" },
    { name: section.name, path: `/${section.slug}` },
    { name: found.headline, path: found.url },
  ];
  const html = renderToStaticMarkup(
    createElement(JsonLd, {
      data: graph(storyArticle({ story: found, authors: getAuthorsOf(found), section }), breadcrumbs(trail)),
    }),
  );
  const json = html.match(/^<script type="application\/ld\+json">(.*)<\/script>$/s)?.[1];
  expect(json, html).toBeDefined();
  // The site's addresses compared as a crawler resolves them: "https://example.com" is "https://example.com/".
  const data = JSON.parse(json!, (_, value) =>
    typeof value === "string" && value.startsWith(site.url) ? norm(value) : value,
  );
  expect(data["@context"]).toBe("https://schema.org");
  const [article, crumbs] = data["@graph"];
  return { article, crumbs };
}

const norm = (url: string) => new URL(url).href;
const absolute = (pathname: string) => new URL(pathname, site.url).href;
const authorName = (slug: string) =>
  (
    parseYaml(readFileSync(path.join(content, `authors/${slug}.md`), "utf8").split(/^---$/m)[1]) as {
      name: string;
    }
  ).name;

describe("a story's NewsArticle", () => {
  it("carries the headline, standfirst, dates, section, topics and language the story has", () => {
    const { story: s, frontMatter } = story("synthetic-00001");
    const { article } = readByCrawler(s);
    expect(article["@type"]).toBe("NewsArticle");
    expect(article.headline).toBe(frontMatter.headline);
    expect(article.description).toBe(frontMatter.standfirst);
    expect(Date.parse(article.datePublished)).toBe(Date.parse(String(frontMatter.published)));
    expect(article.dateModified).toBe(article.datePublished);
    expect(article.articleSection).toBe(frontMatter.section);
    expect(article.keywords).toEqual(frontMatter.topics);
    expect(article.inLanguage).toBe(site.language);
    expect(article.url).toBe(absolute("/stories/synthetic-00001"));
    expect(article.mainEntityOfPage["@id"]).toBe(article.url);
  });

  it("names its author, linked to the author's page", () => {
    const { story: s, frontMatter } = story("synthetic-00001");
    const { article } = readByCrawler(s);
    expect(article.author).toEqual([
      {
        "@type": "Person",
        name: authorName(String(frontMatter.author)),
        url: absolute(`/authors/${frontMatter.author}`),
      },
    ]);
  });

  it("names every author of a shared byline, in the byline's order", () => {
    const { story: s, frontMatter } = story("synthetic-00004");
    const { article } = readByCrawler(s);
    const slugs = frontMatter.authors as string[];
    expect(slugs).toHaveLength(2);
    expect(article.author.map((a: { name: string }) => a.name)).toEqual(slugs.map(authorName));
  });

  it("offers the lead image at its real size, then the social card; a story without one, the card only", () => {
    const { story: s, frontMatter } = story("synthetic-00001");
    const image = frontMatter.image as { src: string; caption: string; credit: string };
    const { article } = readByCrawler(s);
    // The generator draws the lead image 1600 by 900 pixels.
    expect(article.image[0]).toMatchObject({
      "@type": "ImageObject",
      url: absolute(image.src),
      width: "1600",
      height: "900",
      caption: image.caption,
      creditText: image.credit,
    });
    expect(article.image[1].url).toBe(absolute("/stories/synthetic-00001/social.png"));
    expect(readByCrawler(story("synthetic-00002").story).article.image).toHaveLength(1);
  });

  it("is published by the organisation, with its logo", () => {
    const { article } = readByCrawler(story("synthetic-00001").story);
    expect(article.publisher["@id"]).toBe(norm(organization()["@id"]!));
    expect(article.publisher.name).toBe(site.name);
    expect(article.publisher.logo.url).toBe(absolute("/logo.png"));
  });

  it(`cuts a headline over ${HEADLINE_MAX} characters at a word, where search results would`, () => {
    const { story: s, frontMatter } = story(LONG);
    const full = String(frontMatter.headline);
    expect(full.length).toBeGreaterThan(HEADLINE_MAX);
    const { headline } = readByCrawler(s).article;
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(headline).toMatch(/\S…$/);
    expect(full.startsWith(`${headline.slice(0, -1)} `)).toBe(true);
  });
});

describe("a story's breadcrumb trail", () => {
  it("leads from the home page through the section to the story, as absolute addresses", () => {
    const { story: s, frontMatter } = story("synthetic-00001");
    const { crumbs } = readByCrawler(s);
    expect(crumbs["@type"]).toBe("BreadcrumbList");
    expect(crumbs.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: absolute("/") },
      {
        "@type": "ListItem",
        position: 2,
        name: frontMatter.section,
        item: absolute(`/${sections.find((x) => x.name === frontMatter.section)!.slug}`),
      },
      {
        "@type": "ListItem",
        position: 3,
        name: frontMatter.headline,
        item: absolute("/stories/synthetic-00001"),
      },
    ]);
  });
});

describe("a live story's LiveBlogPosting", () => {
  it("while running: when coverage started, no end, and its newest entries, newest first", () => {
    const { story: s, frontMatter } = story("synthetic-00005");
    expect(frontMatter.live).toBe(true);
    const { article } = readByCrawler(s);
    expect(article["@type"]).toBe("LiveBlogPosting");
    expect(Date.parse(article.coverageStartTime)).toBe(Date.parse(String(frontMatter.published)));
    expect(article).not.toHaveProperty("coverageEndTime");
    const entries = getLiveEntries(s);
    expect(entries.length).toBeGreaterThan(LIVE_BLOG_UPDATES);
    const updates = article.liveBlogUpdate as { datePublished: string; url: string; articleBody: string }[];
    expect(updates).toHaveLength(LIVE_BLOG_UPDATES);
    const times = updates.map((u) => Date.parse(u.datePublished));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBe(Math.max(...entries.map((e) => Date.parse(e.timeAt))));
    for (const update of updates) {
      expect(update.url).toMatch(new RegExp(`^${absolute("/stories/synthetic-00005/entries/")}[a-z0-9-]+$`));
      expect(update.articleBody).toMatch(/Synthetic live entry \d+ of story 5/);
    }
  });

  it("once ended: when coverage ended, as its source says", () => {
    const { story: s, frontMatter } = story("synthetic-00006");
    const { article } = readByCrawler(s);
    expect(article["@type"]).toBe("LiveBlogPosting");
    expect(Date.parse(article.coverageEndTime)).toBe(Date.parse(String(frontMatter.coverageEnd)));
  });
});

describe("the home page's graph", () => {
  it("names the site and its publisher, linked by @id", () => {
    const [org, web] = graph(organization(), website())["@graph"] as unknown as Record<string, unknown>[];
    expect(web).toMatchObject({
      "@type": "WebSite",
      name: site.name,
      inLanguage: site.language,
    });
    expect(norm(String(web.url))).toBe(absolute("/"));
    expect(web.publisher).toEqual({ "@id": org["@id"] });
  });
});

describe("JsonLd", () => {
  it("lets no string close the script element", () => {
    const html = renderToStaticMarkup(
      createElement(JsonLd, {
        data: graph(breadcrumbs([{ name: "</script><script>alert(1)</script>", path: "/" }])),
      }),
    );
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = html.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(json)["@graph"][0].itemListElement[0].name).toBe("</script><script>alert(1)</script>");
  });
});
