import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/tests/content/build-content";
import type { Story } from "./content";
import { newsSitemapXml } from "./sitemaps";

/**
 * The real content is older than two days, so its news sitemap is empty (the end-to-end test
 * shows that). Here the real content build makes fixture stories dated relative to now.
 */
const now = new Date();
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString().replace(/\.\d+Z$/, "Z");

const fixtures = [
  { slug: "published-just-now", headline: 'Rates & "markets" <rally>', published: hoursAgo(0.1) },
  { slug: "published-yesterday", headline: "Yesterday's story", published: hoursAgo(30) },
  { slug: "published-three-days-ago", headline: "Old story", published: hoursAgo(72) },
  { slug: "scheduled-for-tomorrow", headline: "Future story", published: hoursAgo(-24) },
];

let stories: Story[] = [];
let contentDir: string;

beforeAll(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), "broadsheet-news-"));
  mkdirSync(path.join(contentDir, "authors"));
  mkdirSync(path.join(contentDir, "stories"));
  writeFileSync(path.join(contentDir, "authors/test-author.md"), "---\nname: Test Author\n---\n");
  for (const f of fixtures) {
    writeFileSync(
      path.join(contentDir, `stories/${f.slug}.md`),
      `---\nheadline: '${f.headline.replace(/'/g, "''")}'\nstandfirst: Test data.\npublished: ${f.published}\nauthor: test-author\nsection: Business\ntopics: [Test]\n---\n\nTest paragraph.\n`,
    );
  }
  const build = buildContent(contentDir);
  try {
    expect(build.status, build.output).toBe(0);
    const dir = build.generatedDir("Story");
    stories = readdirSync(dir)
      .filter((f) => f.endsWith(".md.json"))
      .map((f) => build.generated(`Story/${f}`) as Story);
  } finally {
    build.cleanup();
  }
});

afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

describe("Google News sitemap", () => {
  it("lists exactly the stories first published in the last two days, with the news fields", () => {
    const text = newsSitemapXml(stories, now);
    expect(XMLValidator.validate(text)).toBe(true);
    const urlset = new XMLParser({ isArray: (n) => n === "url" }).parse(text).urlset;
    const urls = urlset.url as { loc: string; "news:news": Record<string, unknown> }[];
    expect(urls.map((u) => new URL(u.loc).pathname).sort()).toEqual([
      "/stories/published-just-now",
      "/stories/published-yesterday",
    ]);
    const latest = urls.find((u) => u.loc.endsWith("/published-just-now"))!["news:news"];
    expect(latest["news:publication"]).toEqual({ "news:name": "Broadsheet", "news:language": "en" });
    expect(latest["news:title"]).toBe('Rates & "markets" <rally>');
    expect(Date.parse(latest["news:publication_date"] as string)).toBeGreaterThan(now.getTime() - 3600_000);
  });

  it("is an empty but valid urlset when nothing is recent", () => {
    const later = new Date(now.getTime() + 10 * 24 * 3600_000);
    const text = newsSitemapXml(stories, later);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toContain("<url>");
    expect(text).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  });
});
