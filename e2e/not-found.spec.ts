/** Addresses the site does not have: a real 404, with a page that helps. */
import { expect, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("not found", () => {
  const unknown = [
    "/stories/no-such-story",
    "/no-such-page",
    "/authors/nobody",
    "/topics/nothing-here",
    "/stories/us-china-trade-talks-begin-in-london/extra",
    "/world/2025",
  ];
  for (const path of unknown) {
    test(`${path} answers 404 with a helpful page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator("h1")).toHaveText("We can’t find that page");
      await expect(page.getByRole("main").getByRole("link", { name: "Broadsheet home page" })).toBeVisible();
      await expect(page.getByRole("main").getByRole("link", { name: firstStory.headline })).toBeVisible();
    });
  }
});
