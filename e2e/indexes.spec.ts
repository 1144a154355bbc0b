/** The index pages: every section (/sections) and every topic (/topics). */
import { expect, test, testNoAxeViolations } from "./fixtures";

test.describe("index pages", () => {
  test("/sections lists every section with its story count", async ({ page }) => {
    await page.goto("/sections");
    await expect(page.locator("h1")).toHaveText("Sections");
    await expect(page.locator("main h2")).toHaveText([
      "World",
      "Politics",
      "Business",
      "Technology",
      "Science",
      "Culture",
    ]);
    await expect(page.locator("main ul > li").first()).toContainText("1 story");
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
