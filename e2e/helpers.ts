import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The first story, as published from the seed: what a reader must see on its page. */
export const firstStory = {
  path: "/stories/us-china-trade-talks-begin-in-london",
  headline: "US-China High-Level Trade Talks Begin in London Amid Tensions",
  author: "Nathan Morgan",
  authorPath: "/authors/nathan-morgan",
  section: { name: "World", path: "/world" },
  headings: ["Setting the Stage for Diplomacy", "Lingering Contentions from Geneva"],
};

/** WCAG 2.2 A and AA, in the colour scheme the page is currently emulating. */
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

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

/** Sums the page's layout shifts from the start of its load (CLS, as the browser reports it). */
export async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { cls: number }).cls);
}
