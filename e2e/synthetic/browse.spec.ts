/** Browsing at scale: the listings and their pages, what to read next, and every kind of page under axe. */
import type { Page } from "@playwright/test";
import { HOME_STORIES_PER_SECTION, PAGE_SIZE } from "../../site.config.mjs";
import { expect, test, testNoAxeViolations } from "../fixtures";
import { expectedRelated, readSyntheticStories } from "./stories";

const stories = readSyntheticStories();
const inSection = (name: string) => stories.filter((s) => s.section === name);

/** The headlines of the story list on the page, in order. */
const listed = (page: Page) =>
  page.locator("main ul > li article h2, main ul > li article h3").allTextContents();

test.describe("at scale: listings and pagination", () => {
  test("the home page leads with the newest story, then a few of each section's newest", async ({ page }) => {
    await page.goto("/");
    const lead = stories[0];
    await expect(page.locator("main article").first().locator("h2")).toHaveText(lead.headline);
    for (const section of ["World", "Politics", "Business", "Technology", "Science", "Culture"]) {
      const group = page.getByRole("region", { name: section });
      const expected = inSection(section)
        .filter((s) => s !== lead)
        .slice(0, HOME_STORIES_PER_SECTION)
        .map((s) => s.headline);
      await expect(group.locator("h3")).toHaveText(expected);
      await expect(group.getByRole("link", { name: `More ${section}` })).toHaveAttribute(
        "href",
        `/${section.toLowerCase()}`,
      );
    }
  });

  test("a section lists its stories newest first, twenty a page, with working newer and older links", async ({
    page,
  }) => {
    const world = inSection("World").map((s) => s.headline);
    const pages = Math.ceil(world.length / PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    await page.goto("/world");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Home");
    expect(await listed(page)).toEqual(world.slice(0, PAGE_SIZE));
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`Page 1 of ${pages}`);
    for (let n = 2; n <= pages; n++) {
      await page.getByRole("link", { name: "Older" }).click();
      await expect(page).toHaveURL(`/world/page/${n}`);
      expect(await listed(page)).toEqual(world.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE));
    }
    await expect(page.getByRole("link", { name: "Older" })).toHaveCount(0);
    await page.getByRole("link", { name: "Newer" }).click();
    await expect(page).toHaveURL(pages === 2 ? "/world" : `/world/page/${pages - 1}`);
  });

  test("pages past the end, page 1 under /page/ and odd page numbers are 404s", async ({ request }) => {
    const pages = Math.ceil(inSection("World").length / PAGE_SIZE);
    for (const path of [
      `/world/page/${pages + 1}`,
      "/world/page/1",
      "/world/page/02",
      "/world/page/x",
      "/world/page",
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test("an author's page counts and pages through all their stories", async ({ page }) => {
    const pages = Math.ceil(stories.length / PAGE_SIZE);
    await page.goto(`/authors/synthetic-author/page/${pages}`);
    await expect(page.locator("main header")).toContainText(`${stories.length} stories`);
    expect(await listed(page)).toEqual(stories.slice((pages - 1) * PAGE_SIZE).map((s) => s.headline));
  });

  test("two spellings of a topic that differ in case and spacing land on one page", async ({ page }) => {
    await page.goto("/topics/rare-earths");
    await expect(page.locator("h1")).toHaveText("Rare earths");
    const headlines = await listed(page);
    expect(headlines.some((h) => h.startsWith("Synthetic story 00002:"))).toBe(true);
    expect(headlines.some((h) => h.startsWith("Synthetic story 00004:"))).toBe(true);
    await page.goto("/topics");
    await expect(page.getByRole("link", { name: "Rare earths", exact: true })).toHaveCount(1);
  });
});

test.describe("at scale: what to read next", () => {
  for (const n of [1, 10, 64, 150]) {
    test(`story ${n} suggests the best-matching other stories, newest first among equals`, async ({
      page,
    }) => {
      const story = stories.find((s) => s.slug === `synthetic-${String(n).padStart(5, "0")}`)!;
      await page.goto(story.url);
      const related = page.getByRole("region", { name: "Related stories" });
      await expect(related.locator("h3")).toHaveText(expectedRelated(story, stories));
      await expect(related).not.toContainText(story.headline);
    });
  }

  test("a story links to the stories before and after it in its section, and only those that exist", async ({
    page,
  }) => {
    const world = inSection("World");
    const middle = world[3];
    await page.goto(middle.url);
    const nav = page.getByRole("navigation", { name: "More in World" });
    await expect(nav.getByRole("link", { name: /Previous in World/ })).toContainText(world[4].headline);
    await expect(nav.getByRole("link", { name: /Next in World/ })).toContainText(world[2].headline);
    await page.goto(world[0].url);
    await expect(nav.getByRole("link", { name: /Next in World/ })).toHaveCount(0);
    await page.goto(world[world.length - 1].url);
    await expect(nav.getByRole("link", { name: /Previous in World/ })).toHaveCount(0);
  });
});

test.describe("at scale: accessibility", () => {
  for (const path of [
    "/world/page/2",
    "/search?q=synthetic",
    "/search?q=xyzzy",
    "/search",
    "/topics",
    "/sections",
    "/",
    // A story with a lead image, related stories and neighbours; one with corrections.
    "/stories/synthetic-00001",
    "/stories/synthetic-00013",
  ])
    testNoAxeViolations(path, path);
});
