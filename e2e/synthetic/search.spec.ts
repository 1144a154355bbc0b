/** Search at scale: ranking, paging and matching over the synthetic stories. */
import { SEARCH_PAGE_SIZE } from "../../site.config.mjs";
import { expect, test } from "../fixtures";
import { readSyntheticStories } from "./stories";

const stories = readSyntheticStories();

test.describe("at scale: search", () => {
  test("ranks a headline match above a standfirst match above a body match, and highlights them", async ({
    page,
  }) => {
    await page.goto("/search?q=quokka");
    await expect(page.getByText("3 stories match “quokka”")).toBeVisible();
    const results = page.locator("main ol > li");
    await expect(results.locator("h2")).toHaveText([
      /^Synthetic story 00003:/,
      /^Synthetic story 00005:/,
      /^Synthetic story 00007:/,
    ]);
    await expect(results.nth(0).locator("h2 mark")).toHaveText("Quokka");
    await expect(results.nth(2).locator("p mark")).toHaveText("quokka");
  });

  test("pages through many results and says when a page does not exist", async ({ page }) => {
    const pages = Math.ceil(stories.length / SEARCH_PAGE_SIZE);
    await page.goto("/search?q=synthetic");
    await expect(
      page.getByText(`${stories.length} stories match “synthetic” (page 1 of ${pages})`),
    ).toBeVisible();
    await expect(page.locator("main ol > li")).toHaveCount(SEARCH_PAGE_SIZE);
    await page.getByRole("link", { name: "More results" }).click();
    await expect(page).toHaveURL("/search?q=synthetic&page=2");
    await expect(page.getByText(`(page 2 of ${pages})`)).toBeVisible();
    await page.goto(`/search?q=synthetic&page=${pages + 1}`);
    await expect(page.getByText("There is no such page of results")).toBeVisible();
  });

  test("finds words whatever their accents and case", async ({ page }) => {
    await page.goto("/search?q=ZURICH");
    await expect(page.locator("main ol > li h2")).toHaveText([/^Synthetic story 00009:/]);
    await expect(page.locator("main ol > li h2 mark")).toHaveText("Zürich");
  });
});
