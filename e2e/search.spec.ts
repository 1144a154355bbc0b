import { expect, test, testNoAxeViolations } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("search", () => {
  test("the header's search form finds the story, with the matched words highlighted", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("search", { name: "Search the site" }).getByRole("searchbox").fill("rare earth");
    await page
      .getByRole("search", { name: "Search the site" })
      .getByRole("button", { name: "Search" })
      .click();
    await expect(page).toHaveURL("/search?q=rare+earth");
    await expect(page.getByText("1 story matches “rare earth”")).toBeVisible();
    const result = page.locator("main ol > li");
    await expect(result.getByRole("link", { name: firstStory.headline })).toHaveAttribute(
      "href",
      firstStory.path,
    );
    await expect(result.locator("p mark")).toHaveText(["rare", "earth"]);
    await expect(page.getByRole("search", { name: "Search again" }).getByRole("searchbox")).toHaveValue(
      "rare earth",
    );
  });

  test("forgives a typo when the words as typed find nothing", async ({ page }) => {
    await page.goto("/search?q=semiconducter");
    await expect(page.getByText("1 story matches “semiconducter”")).toBeVisible();
    await expect(page.locator("main ol > li mark").first()).toHaveText(/^semiconductor/i);
  });

  test("says so clearly when nothing matches", async ({ page }) => {
    await page.goto("/search?q=xylophone");
    await expect(page.getByText("No stories match “xylophone”.")).toBeVisible();
    await expect(page.locator("main ol")).toHaveCount(0);
  });

  test("asks for words when the query is empty", async ({ page }) => {
    for (const path of ["/search", "/search?q=", "/search?q=%20%20"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByText("Type a word or a phrase to search every Broadsheet story.")).toBeVisible();
    }
  });

  test("turns away a query over 1,000 characters with a clear answer", async ({ page }) => {
    const response = await page.goto(`/search?q=${"trade ".repeat(200)}`);
    expect(response?.status()).toBe(200);
    await expect(
      page.getByText("That search is 1,199 characters long; please keep it under 1,000."),
    ).toBeVisible();
  });

  test("shows markup a reader typed as text, never as markup", async ({ page }) => {
    const typed = `<script>alert("x")</script><img src=x onerror=alert(1)>"'`;
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const response = await page.goto(`/search?q=${encodeURIComponent(typed)}`);
    expect(response?.status()).toBe(200);
    const html = await response!.text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    await expect(page.locator("main")).toContainText(typed);
    await expect(page.locator("main img")).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("answers unicode, repeated parameters and odd page numbers without an error", async ({ request }) => {
    for (const path of [
      "/search?q=%E4%B8%96%E7%95%8C%20Z%C3%BCrich%20%F0%9F%8C%8D",
      "/search?q=trade&q=tariffs",
      "/search?q=trade&page=-1",
      "/search?q=trade&page=99999999999999999999",
      "/search?q=%E0%A4%A",
      "/search?q=trade&page=2",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text(), path).not.toMatch(/at \w+ \(|node_modules|\.next\//);
    }
  });

  test("works with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("search", { name: "Search the site" }).getByRole("searchbox").fill("tariffs");
    await page.getByRole("search", { name: "Search the site" }).getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL("/search?q=tariffs");
    await expect(page.getByRole("link", { name: firstStory.headline })).toBeVisible();
    await context.close();
  });

  testNoAxeViolations("results page has no WCAG 2.2 A/AA violations", "/search?q=trade");
});
