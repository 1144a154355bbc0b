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

/** The pages, feeds and documents that readers, feed readers and crawlers ask for, each 200. */
export const PAGES = [
  "/",
  firstStory.path,
  firstStory.section.path,
  firstStory.authorPath,
  firstStory.topicPath,
  "/sections",
  "/topics",
  "/feed.xml",
  `${firstStory.section.path}/atom.xml`,
  "/feed.json",
  "/sitemap.xml",
  "/news-sitemap.xml",
  "/robots.txt",
];

/** One URL of every kind the site answers, 404s included: for checks that hold on every route. */
export const EVERY_ROUTE = [
  ...PAGES,
  `${firstStory.section.path}/page/2`, // 404
  "/search",
  "/social.png",
  "/logo.png",
  "/icon.svg",
  "/healthz",
  "/no-such-page", // 404
];
