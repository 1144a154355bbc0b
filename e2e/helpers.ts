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
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}
