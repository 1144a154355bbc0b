/**
 * The build prerenders what readers hit first, not the archive: the home page, the section
 * fronts and the stories they list (each section's first page). Everything else is rendered on
 * its first request, and must look exactly like a prerendered page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { PAGE_SIZE } from "../../site.config.mjs";
import { SYNTHETIC } from "../env";
import { expect, test } from "../fixtures";
import { readSyntheticStories } from "./stories";

const stories = readSyntheticStories();
const sectionsOf = [...new Set(stories.map((s) => s.section))];
const prerendered = Object.keys(
  JSON.parse(readFileSync(path.join(SYNTHETIC.dir, ".next", "prerender-manifest.json"), "utf8")).routes,
);

test("the build prerenders the home page, the section fronts and the stories they list, and nothing else of the archive", () => {
  // What the fronts list, worked out from the story files, not from the site's code.
  const onFronts = sectionsOf
    .flatMap((section) => stories.filter((s) => s.section === section).slice(0, PAGE_SIZE))
    .map((s) => s.url)
    .sort();
  const prerenderedStories = prerendered.filter((r) => /^\/stories\/[^/]+$/.test(r)).sort();
  expect(prerenderedStories).toEqual(onFronts);
  expect(prerenderedStories.length).toBeLessThan(stories.length);
  expect(prerendered).toContain("/");
  for (const section of sectionsOf) expect(prerendered).toContain(`/${section.toLowerCase()}`);
  // No topic, author or later listing page, and no story's social image: those wait for a reader.
  expect(
    prerendered.filter((r) => /^\/(topics|authors)\/|\/page\/|^\/stories\/.*\/social\.png$/.test(r)),
  ).toEqual([]);
});

/** What a reader's browser finds on a story page: its landmarks, headings and parts. */
async function shape(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return page.evaluate(() => {
    const count = (selector: string) => document.querySelectorAll(selector).length;
    const graph = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    return {
      landmarks: [...document.querySelectorAll("header, nav, main, footer, aside, article")].map(
        (e) => `${e.tagName}${e.getAttribute("aria-label") ? `[${e.getAttribute("aria-label")}]` : ""}`,
      ),
      h1: count("h1"),
      sectionHeadings: count("main article h2"),
      byline: count('main a[href^="/authors/"]') > 0,
      dateline: count("main time[datetime]") > 0,
      jsonLd: (graph["@graph"] as { "@type": string }[]).map((n) => n["@type"]),
      canonical: document
        .querySelector('link[rel="canonical"]')
        ?.getAttribute("href")
        ?.endsWith(location.pathname),
      ogImage: document
        .querySelector('meta[property="og:image"]')
        ?.getAttribute("content")
        ?.includes("/social.png"),
      scripts: count("script[src]"),
      stylesheets: count('link[rel="stylesheet"]'),
    };
  });
}

test("a story rendered on its first request answers 200 with the same page shape as a prerendered one", async ({
  page,
  request,
}) => {
  // The oldest stories are on no front: never prerendered. Compare one with a prerendered one
  // of the same section, both without a lead image, corrections or live coverage, so their
  // parts match.
  const plain = stories.filter(
    (s) =>
      !readFileSync(path.join(SYNTHETIC.dir, "content", `${s.url.slice(1)}.md`), "utf8").match(
        /^(image|corrections|live):/m,
      ),
  );
  const old = plain.findLast((s) => !prerendered.includes(s.url))!;
  const fresh = plain.find((s) => prerendered.includes(s.url) && s.section === old.section)!;
  expect(old, "an unprerendered story").toBeDefined();
  expect(fresh, "a prerendered story").toBeDefined();
  const first = await request.get(old.url);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain(old.headline.replace(/&/g, "&amp;"));
  expect(await shape(page, old.url)).toEqual(await shape(page, fresh.url));
  // Rendered once, then kept: the second request gets the same bytes and validator.
  const second = await request.get(old.url);
  expect(second.headers().etag).toBe(first.headers().etag);
});
