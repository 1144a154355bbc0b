/** The home page: the front a reader lands on. */
import { expect, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("home page", () => {
  test("leads with the newest story, linking to it", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("h1")).toHaveCount(1);
    const lead = page.getByRole("link", { name: firstStory.headline });
    await expect(lead).toBeVisible();
    await lead.click();
    await expect(page).toHaveURL(firstStory.path);
  });

  test("has the masthead and the section navigation", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("banner").getByRole("link", { name: /Broadsheet/ })).toHaveAttribute(
      "href",
      "/",
    );
    const nav = page.getByRole("navigation", { name: "Sections", exact: true });
    await nav.getByRole("link", { name: "World" }).click();
    await expect(page.locator("h1")).toHaveText("World");
    await expect(page.getByRole("link", { name: firstStory.headline })).toBeVisible();
  });
});
