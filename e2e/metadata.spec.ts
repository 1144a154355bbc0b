/** Each page type's <head>: title, description, canonical URL, language, robots and social cards. */
import { imageSize } from "image-size";
import { SITE_URL } from "./env";
import { expect, publicPath, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("page metadata", () => {
  const pages = [
    { path: "/", title: "Broadsheet: News, told plainly." },
    { path: firstStory.path, title: `${firstStory.headline} | Broadsheet` },
    { path: "/world", title: "World | Broadsheet" },
    { path: firstStory.authorPath, title: "Nathan Morgan | Broadsheet" },
    { path: "/topics/trade", title: "Trade | Broadsheet" },
  ];
  for (const { path, title } of pages) {
    test(`${path} has a title, description, canonical URL, language, robots and social cards`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page).toHaveTitle(title);
      const meta = (selector: string) => page.locator(selector).getAttribute("content");
      expect((await meta('meta[name="description"]'))!.length).toBeGreaterThan(20);
      expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
        `${SITE_URL}${path === "/" ? "" : path}`,
      );
      expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");
      expect(await meta('meta[name="robots"]')).toContain("index, follow");
      expect(await meta('meta[property="og:url"]')).toBe(`${SITE_URL}${path === "/" ? "" : path}`);
      expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
      const image = (await meta('meta[property="og:image"]'))!;
      const response = await page.request.get(publicPath(image));
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(response.headers()["cache-control"]).toMatch(/^public, max-age=\d+/);
      const { type, width, height } = imageSize(await response.body());
      expect({ type, width, height }).toEqual({ type: "png", width: 1200, height: 630 });
    });
  }

  test("a story's OpenGraph tags describe it as an article", async ({ page }) => {
    await page.goto(firstStory.path);
    const meta = (property: string) => page.locator(`meta[property="${property}"]`);
    await expect(meta("og:type")).toHaveAttribute("content", "article");
    await expect(meta("article:published_time")).toHaveAttribute("content", "2025-06-07T11:00:00.000Z");
    await expect(meta("article:modified_time")).toHaveAttribute("content", "2025-06-07T11:00:00.000Z");
    await expect(meta("article:author")).toHaveAttribute("content", `${SITE_URL}${firstStory.authorPath}`);
    await expect(meta("article:section")).toHaveAttribute("content", "World");
    expect(await meta("article:tag").evaluateAll((els) => els.map((e) => e.getAttribute("content")))).toEqual(
      ["US-China relations", "Trade", "Tariffs", "Rare earths", "Semiconductors"],
    );
    await expect(meta("og:image:alt")).toHaveAttribute("content", firstStory.headline);
  });
});
