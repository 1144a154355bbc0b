import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, firstStory } from "./helpers";

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

  test("an empty section says so rather than showing an empty list", async ({ page }) => {
    const response = await page.goto("/culture");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("Culture");
    await expect(page.getByText("There are no Culture stories yet.")).toBeVisible();
  });
});

test.describe("accessibility of every page type", () => {
  const pages = [
    { name: "home", path: "/" },
    { name: "author", path: firstStory.authorPath },
    { name: "section", path: firstStory.section.path },
    { name: "topic", path: "/topics/trade" },
    { name: "not found", path: "/no-such-page" },
  ];
  for (const { name, path } of pages) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${name} page (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }
  }
});
