/** An author's page. */
import { expect, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("author page", () => {
  test("names the author and lists their stories", async ({ page }) => {
    await page.goto(firstStory.authorPath);
    await expect(page.locator("h1")).toHaveText(firstStory.author);
    await expect(page.getByRole("img", { name: firstStory.author })).toBeVisible();
    await expect(page.getByRole("link", { name: firstStory.headline })).toHaveAttribute(
      "href",
      firstStory.path,
    );
  });
});
