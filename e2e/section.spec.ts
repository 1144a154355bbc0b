/** A section's page (its listing, breadcrumbs and feeds), with stories and without. */
import { expect, test } from "./fixtures";

test.describe("section page", () => {
  test("a section page has breadcrumbs and links to its feeds", async ({ page }) => {
    await page.goto("/world");
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link")).toHaveText(["Home", "Sections"]);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText("World");
    for (const [name, href] of [
      ["RSS", "/world/feed.xml"],
      ["Atom", "/world/atom.xml"],
      ["JSON Feed", "/world/feed.json"],
    ]) {
      await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    }
  });

  test("an empty section says so rather than showing an empty list", async ({ page }) => {
    const response = await page.goto("/culture");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("Culture");
    await expect(page.getByText("There are no Culture stories yet.")).toBeVisible();
  });
});
