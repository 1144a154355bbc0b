import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "@/site.config.mjs";
import {
  FEED_FORMATS,
  HEALTH_PATH,
  HOME_PATH,
  LOGO_PATH,
  NEWS_SITEMAP_PATH,
  SECTIONS_PATH,
  SITEMAP_PATH,
  TOPICS_PATH,
  absoluteUrl,
  authorPath,
  entryPath,
  feedPath,
  livePollPath,
  pathPattern,
  searchPath,
  sectionPath,
  socialImagePath,
  storyPath,
  topicPath,
} from "./url.mjs";

const APP = path.resolve(import.meta.dirname, "../app");
const ROUTE_FILES = ["page.tsx", "route.ts", "route.tsx"];
/** Next's metadata routes: a file in app/ that serves an address of another name. */
const METADATA_ROUTES: Record<string, string> = { "sitemap.xml": "sitemap.ts", "robots.txt": "robots.ts" };
const isDynamic = (name: string) => /^\[[^.\]]+\]$/.test(name);
const folders = (dir: string) =>
  readdirSync(dir).filter((name) => !name.startsWith("_") && statSync(path.join(dir, name)).isDirectory());

/**
 * The app/ file that serves a path, as Next's router finds it: each segment is a folder of its
 * name, else the folder's one dynamic segment ([slug]). A segment written as `[slug]` stands for
 * any value of that parameter, so it must be that very dynamic folder.
 */
function routeFileOf(pathname: string): string | null {
  const segments = pathname.split("?")[0].split("/").filter(Boolean);
  let dir = APP;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (last && METADATA_ROUTES[segment] && dir === APP) {
      const file = path.join(APP, METADATA_ROUTES[segment]);
      return existsSync(file) ? file : null;
    }
    const children = folders(dir);
    const next = isDynamic(segment)
      ? children.find((name) => name === segment)
      : (children.find((name) => name === segment) ?? children.find(isDynamic));
    if (!next) return null;
    dir = path.join(dir, next);
  }
  const file = ROUTE_FILES.map((name) => path.join(dir, name)).find((f) => existsSync(f));
  return file ?? null;
}

/** Every route file under app/ (private `_` folders aside). */
function routeFiles(dir = APP): string[] {
  const here = readdirSync(dir)
    .filter(
      (name) => ROUTE_FILES.includes(name) || (dir === APP && Object.values(METADATA_ROUTES).includes(name)),
    )
    .map((name) => path.join(dir, name));
  return [...here, ...folders(dir).flatMap((name) => routeFiles(path.join(dir, name)))];
}

// Each builder with the route's own parameter names for its slugs, e.g. storyPath("[slug]").
const story = storyPath("[slug]");
const listings = {
  section: (page = 1) => sectionPath("[section]", page),
  topic: (page = 1) => topicPath("[slug]", page),
  author: (page = 1) => authorPath("[slug]", page),
};
const built: Record<string, string> = {
  home: HOME_PATH,
  sections: SECTIONS_PATH,
  topics: TOPICS_PATH,
  search: searchPath(),
  "search results, page 2": searchPath("trade talks", 2),
  story,
  "live story, page 2": storyPath("[slug]", 2),
  "live story's poll": livePollPath(story),
  "live entry": entryPath(story, "[entry]"),
  "story's social image": socialImagePath(story),
  "site's social image": socialImagePath(HOME_PATH),
  "section's social image": socialImagePath(listings.section()),
  logo: LOGO_PATH,
  sitemap: SITEMAP_PATH,
  "news sitemap": NEWS_SITEMAP_PATH,
  "health check": HEALTH_PATH,
  ...Object.fromEntries(
    FEED_FORMATS.flatMap((format) => [
      [`site's ${format}`, feedPath(HOME_PATH, format)],
      [`live story's ${format}`, feedPath(story, format)],
      ...Object.entries(listings).map(([kind, listing]) => [
        `${kind}'s ${format}`,
        feedPath(listing(), format),
      ]),
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(listings).flatMap(([kind, listing]) => [
      [kind, listing()],
      [`${kind}, page 2`, listing(2)],
    ]),
  ),
};

describe("the URL builders and app/", () => {
  it.each(Object.entries(built))("the %s (%s) has a route in app/", (_, pathname) => {
    expect(routeFileOf(pathname), pathname).not.toBeNull();
  });

  it.each(Object.entries(built))(
    "the %s (%s) is a plain path: one slash each, none at the end",
    (_, pathname) => {
      const [route] = pathname.split("?");
      expect(route).toMatch(/^\//);
      expect(route).not.toMatch(/\/\//);
      if (route !== HOME_PATH) expect(route).not.toMatch(/\/$/);
    },
  );

  it("builds an address for every route in app/ (robots.txt aside: crawlers know it, no page links it)", () => {
    const reached = new Set(Object.values(built).map(routeFileOf));
    const unreached = routeFiles()
      .filter((file) => !reached.has(file) && file !== path.join(APP, METADATA_ROUTES["robots.txt"]))
      .map((file) => path.relative(APP, file));
    expect(unreached).toEqual([]);
  });
});

describe("paged lists", () => {
  const paged = { storyPath, sectionPath, topicPath, authorPath };
  it.each(Object.entries(paged))("%s: page 1 is the list's own address, never /page/1", (_, build) => {
    expect(build("x", 1)).toBe(build("x"));
    expect(build("x")).not.toContain("/page/");
    expect(build("x", 2)).toBe(`${build("x")}/page/2`);
  });

  it("search results: page 1 has no page parameter, later pages do, and the query survives any characters", () => {
    const query = "rates & “markets” / 100%?";
    const first = new URL(searchPath(query), site.url);
    expect(first.searchParams.get("q")).toBe(query);
    expect(first.searchParams.has("page")).toBe(false);
    expect(new URL(searchPath(query, 3), site.url).searchParams.get("page")).toBe("3");
    expect(new URL(searchPath(query, 3), site.url).pathname).toBe(searchPath());
  });
});

describe("absoluteUrl", () => {
  it("puts every path on the configured origin, the home page as the bare origin", () => {
    expect(absoluteUrl(HOME_PATH)).toBe(site.url);
    for (const pathname of [storyPath("x"), topicPath("trade", 2), searchPath("a b")]) {
      const url = new URL(absoluteUrl(pathname));
      expect(url.origin).toBe(new URL(site.url).origin);
      expect(`${url.pathname}${url.search}`).toBe(pathname);
    }
  });
});

describe("pathPattern", () => {
  it("matches what a builder makes for any slug, and nothing more", () => {
    const poll = new RegExp(`^${pathPattern((slug) => livePollPath(storyPath(slug)))}$`);
    expect(poll.test(livePollPath(storyPath("any-story-1")))).toBe(true);
    expect(poll.test(livePollPath(storyPath("a/b")))).toBe(false);
    expect(poll.test(storyPath("x"))).toBe(false);
    // The dot of live.json is a dot, not any character.
    expect(poll.test(livePollPath(storyPath("x")).replace(".json", "xjson"))).toBe(false);
  });
});
