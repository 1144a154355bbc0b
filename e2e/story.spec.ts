import { readFileSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { expect, test, testNoAxeViolations } from "./fixtures";
import { seedParagraphs } from "./first-story";
import { firstStory } from "./routes.mjs";

test.describe("story page", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(firstStory.path);
  });

  test("shows the headline as the only h1, under its section label", async ({ page }) => {
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText(firstStory.headline);
    await expect(page).toHaveTitle(new RegExp(`^${firstStory.headline} \\| Broadsheet$`));
    const label = page
      .locator("article header")
      .getByRole("link", { name: firstStory.section.name, exact: true });
    await expect(label).toHaveAttribute("href", firstStory.section.path);
  });

  test("shows the byline with an avatar that names the author, linking to the author page", async ({
    page,
  }) => {
    const header = page.locator("article header");
    await expect(header.getByRole("img", { name: firstStory.author })).toBeVisible();
    await expect(header.getByText(`By ${firstStory.author}`)).toBeVisible();
    const link = header.getByRole("link", { name: firstStory.author });
    await expect(link).toHaveAttribute("href", firstStory.authorPath);
    await link.click();
    await expect(page).toHaveURL(firstStory.authorPath);
    await expect(page.locator("h1")).toHaveText(firstStory.author);
  });

  test("shows when it was published, in a machine-readable form, and the reading time", async ({ page }) => {
    const published = page.locator("article header time").first();
    await expect(published).toHaveText("7 June 2025");
    const datetime = await published.getAttribute("datetime");
    expect(new Date(datetime!).toISOString()).toBe("2025-06-07T11:00:00.000Z");
    await expect(page.locator("article header")).toContainText(/\d+ min read/);
  });

  test("shows every paragraph of the story, word for word and in order", async ({ page }) => {
    await expect(page.locator("article .prose > p")).toHaveText(seedParagraphs);
    // Two details that a careless pipeline would mangle: the dollar figure and curly quotes.
    await expect(page.locator("article .prose")).toContainText("$582 billion in goods trade");
    await expect(page.locator("article .prose")).toContainText("“complexity of Rare Earth products”");
    // The seed's page furniture is not text.
    await expect(page.locator("article")).not.toContainText("Photo of author");
  });

  test("has both section headings as h2 with self-links, reachable from the table of contents", async ({
    page,
  }) => {
    const headings = page.locator("article .prose h2");
    await expect(headings).toHaveText(firstStory.headings);
    const toc = page.getByRole("navigation", { name: "In this story" });
    for (const text of firstStory.headings) {
      const heading = page.locator("article .prose h2", { hasText: text });
      const id = await heading.getAttribute("id");
      expect(id).toBeTruthy();
      await expect(heading.locator(`a[href="#${id}"]`)).toBeVisible();
      await toc.getByRole("link", { name: text }).click();
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      await expect(heading).toBeInViewport();
    }
  });

  test("lists its topics as links", async ({ page }) => {
    const topics = page.getByRole("region", { name: "Topics" }).getByRole("link");
    await expect(topics).toHaveText([
      "US-China relations",
      "Trade",
      "Tariffs",
      "Rare earths",
      "Semiconductors",
    ]);
    await topics.first().click();
    await expect(page.locator("h1")).toHaveText("US-China relations");
    await expect(page.getByRole("link", { name: firstStory.headline })).toBeVisible();
  });

  test("offers plain share links that carry the story's URL", async ({ page }) => {
    const share = page.getByRole("region", { name: "Share this story" });
    const links = share.getByRole("link");
    await expect(links).toHaveCount(6);
    // The links carry the story's public address, the same one the page declares as canonical.
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical!).pathname).toBe(firstStory.path);
    const storyUrl = encodeURIComponent(canonical!);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      expect(href).toContain(storyUrl);
    }
    await expect(share.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:/);
  });

  test("the share button copies the link where there is no share sheet", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    expect(await page.evaluate(() => typeof navigator.share)).toBe("undefined");
    await page.getByRole("button", { name: "Share" }).click();
    await expect(page.getByRole("status")).toHaveText("Link copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname).toBe(firstStory.path);
  });

  test("the share button opens the native share sheet where there is one", async ({ page }) => {
    // Headless Chromium on Linux has no share sheet; stand in the Web Share API to see the call.
    await page.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      navigator.share = async (data) => {
        (window as unknown as { shared: unknown[] }).shared.push(data);
      };
    });
    await page.reload();
    await page.getByRole("button", { name: "Share" }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toHaveLength(1);
    expect(shared[0].title).toBe(firstStory.headline);
    expect(new URL(shared[0].url!).pathname).toBe(firstStory.path);
    await expect(page.getByRole("status")).toHaveText("");
  });

  test("hydrates without console errors or warnings", async ({ page }) => {
    const messages: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByRole("button", { name: "Share" })).toBeVisible();
    expect(messages).toEqual([]);
  });

  test("loads no script, font or image from another host", async ({ page, offSiteRequests }) => {
    await page.reload({ waitUntil: "networkidle" });
    expect(offSiteRequests()).toEqual([]);
  });

  test("saves screenshots at phone and desktop sizes, light and dark, none scrolling sideways", async ({
    page,
  }) => {
    const shots = [
      { name: "story-phone-light", width: 390, height: 844, colorScheme: "light" as const },
      { name: "story-phone-dark", width: 390, height: 844, colorScheme: "dark" as const },
      { name: "story-desktop-light", width: 1280, height: 900, colorScheme: "light" as const },
      { name: "story-desktop-dark", width: 1280, height: 900, colorScheme: "dark" as const },
    ];
    for (const shot of shots) {
      await page.setViewportSize({ width: shot.width, height: shot.height });
      await page.emulateMedia({ colorScheme: shot.colorScheme });
      // Nothing may overflow sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${shot.name} scrolls sideways`).toBeLessThanOrEqual(0);
      const file = path.resolve("e2e", "screenshots", `${shot.name}.png`);
      const taken = await page.screenshot({ path: file, fullPage: true });
      // Written where the README says, as a PNG as wide as the viewport and the whole page long.
      const saved = readFileSync(file);
      expect(saved.equals(taken), `${file} holds the screenshot`).toBe(true);
      const size = imageSize(saved);
      expect(size.type, shot.name).toBe("png");
      expect(size.width, shot.name).toBe(shot.width);
      expect(size.height, shot.name).toBe(await page.evaluate(() => document.documentElement.scrollHeight));
    }
  });
});

test.describe("story page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("reads in full, with working share links and no dead share button", async ({ page }) => {
    await page.goto(firstStory.path);
    await expect(page.locator("h1")).toHaveText(firstStory.headline);
    await expect(page.locator("article .prose > p")).toHaveText(seedParagraphs);
    await expect(page.getByRole("region", { name: "Share this story" }).getByRole("link")).toHaveCount(6);
    await expect(page.getByRole("button", { name: "Share" })).toHaveCount(0);
    await page.getByRole("navigation", { name: "In this story" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/#setting-the-stage-for-diplomacy$/);
  });
});

test.describe("story page in print", () => {
  test("prints the story without navigation, share controls or footer", async ({ page }) => {
    await page.goto(firstStory.path);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator("article .prose > p").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "In this story" })).toBeHidden();
    await expect(page.getByRole("region", { name: "Share this story" })).toBeHidden();
    await expect(page.locator("footer").last()).toBeHidden();
  });
});

test.describe("keyboard", () => {
  test("the first Tab reaches a visible skip link that moves focus to the main content", async ({ page }) => {
    await page.goto(firstStory.path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});

test.describe("accessibility", () => {
  testNoAxeViolations("story page has no WCAG 2.2 A/AA violations", firstStory.path);
});
