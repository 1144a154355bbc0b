import { expect, test } from "../fixtures";

// `next dev` compiles each page on its first request.
test.setTimeout(120_000);

test.describe("in development", () => {
  test("a draft is shown, under a visible Draft banner", async ({ page }) => {
    await page.goto("/stories/synthetic-00011");
    await expect(page.locator("h1")).toContainText("Synthetic story 00011");
    await expect(page.getByRole("note").first()).toHaveText("Draft: not published");
  });

  test("a scheduled story is shown, under a banner saying when it will publish", async ({ page }) => {
    await page.goto("/stories/synthetic-00012");
    await expect(page.locator("h1")).toContainText("Synthetic story 00012");
    await expect(page.getByRole("note").first()).toContainText("Scheduled: publishes");
  });
});
