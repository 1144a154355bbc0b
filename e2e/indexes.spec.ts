/** The index pages: every section (/sections) and every topic (/topics). */
import { sections } from "../site.config.mjs";
import { expect, test, testNoAxeViolations } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("index pages", () => {
  test("/sections lists every section with its story count", async ({ page }) => {
    await page.goto("/sections");
    await expect(page.locator("h1")).toHaveText("Sections");
    const items = page.locator("main ul > li");
    await expect(items.locator("h2")).toHaveText(sections.map((s) => s.name));
    // The site's one story is in its section; every other section has none yet.
    await expect(items.locator("p.text-sm")).toHaveText(
      sections.map((s) => (s.name === firstStory.section.name ? "1 story" : "0 stories")),
    );
  });

  test("/topics lists every topic, A to Z, with links to their pages", async ({ page }) => {
    await page.goto("/topics");
    await expect(page.locator("main ul > li a")).toHaveText([
      "Rare earths",
      "Semiconductors",
      "Tariffs",
      "Trade",
      "US-China relations",
    ]);
  });

  for (const path of ["/sections", "/topics"])
    testNoAxeViolations(`${path} has no WCAG 2.2 A/AA violations`, path);
});
