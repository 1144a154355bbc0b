/**
 * The routes of the first story's site that the tests and the benchmarks walk: one list, read by
 * e2e/ (checks that hold on every route) and by the benchmarks in scripts/bench/ (their pages
 * and request mix). Plain JavaScript, so that the Node scripts can import it.
 */

/** The first story, as published from the seed: what a reader must see on its page. */
export const firstStory = {
  path: "/stories/us-china-trade-talks-begin-in-london",
  headline: "US-China High-Level Trade Talks Begin in London Amid Tensions",
  author: "Nathan Morgan",
  authorPath: "/authors/nathan-morgan",
  section: { name: "World", path: "/world" },
  topicPath: "/topics/trade",
  headings: ["Setting the Stage for Diplomacy", "Lingering Contentions from Geneva"],
};

/**
 * One URL of every kind the site answers, 404s included: for checks that hold on every route.
 * Keep the order: the property fuzz draws from this list by position, so a seed reproduces the
 * same requests only while it stays.
 */
export const EVERY_ROUTE = [
  "/",
  firstStory.path,
  firstStory.section.path,
  `${firstStory.section.path}/page/2`, // 404
  firstStory.authorPath,
  firstStory.topicPath,
  "/search",
  "/sections",
  "/topics",
  "/feed.xml",
  `${firstStory.section.path}/atom.xml`,
  "/feed.json",
  "/sitemap.xml",
  "/news-sitemap.xml",
  "/robots.txt",
  "/social.png",
  "/logo.png",
  "/icon.svg",
  "/healthz",
  "/no-such-page", // 404
];

/** What the pages below leave out: the 404s, the empty search form, images, the health check. */
const NOT_PAGES = new Set([
  `${firstStory.section.path}/page/2`,
  "/no-such-page",
  "/search",
  "/social.png",
  "/logo.png",
  "/icon.svg",
  "/healthz",
]);

/** The pages, feeds and documents that readers, feed readers and crawlers ask for, each 200. */
export const PAGES = EVERY_ROUTE.filter((route) => !NOT_PAGES.has(route));
