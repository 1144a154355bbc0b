/** The first story, as published from the seed: what a reader must see on its page. */
export const firstStory = {
  path: "/stories/us-china-trade-talks-begin-in-london",
  headline: "US-China High-Level Trade Talks Begin in London Amid Tensions",
  author: "Nathan Morgan",
  authorPath: "/authors/nathan-morgan",
  section: { name: "World", path: "/world" },
  headings: ["Setting the Stage for Diplomacy", "Lingering Contentions from Geneva"],
};

/** One URL of every kind the site answers, 404s included: for checks that hold on every route. */
export const EVERY_ROUTE = [
  "/",
  firstStory.path,
  "/world",
  "/world/page/2", // 404
  "/authors/nathan-morgan",
  "/topics/trade",
  "/search",
  "/sections",
  "/topics",
  "/feed.xml",
  "/world/atom.xml",
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
