import { readFileSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import Parser from "rss-parser";
import { SITE_URL, SYNTHETIC } from "../env";
import { COLOR_SCHEMES, expect, test } from "../fixtures";

/**
 * The blocks a story is made of besides its paragraphs: a lead image (synthetic story 1) and,
 * from issue 13, items 2 and 4, a figure in the body (caption, credit, alt, srcset, no layout
 * shift), a pull quote and a fact box, as the generator wrote them into synthetic story 2. The
 * oracle is the story's file, read here with plain patterns, not the pipeline under test.
 */
const slug = "synthetic-00002";
const url = `/stories/${slug}`;
const source = readFileSync(path.resolve(SYNTHETIC.dir, "content", "stories", `${slug}.md`), "utf8");
const [, alt, src] = /^!\[(.+)\]\((\/images\/[^)]+)\)$/m.exec(source)!;
const caption = /^Caption: (.+)$/m.exec(source)![1];
const credit = /^Credit: (.+)$/m.exec(source)![1];
const [, quoteBy, quote] = /^:::pullquote\[(.+)\]\n(.+)\n:::$/m.exec(source)!;
const [, factsTitle, factLines] = /^:::factbox\[(.+)\]\n([\s\S]+?)\n:::$/m.exec(source)!;
const facts = factLines.split("\n").map((line) => line.replace(/^- /, ""));
const { width, height } = imageSize(readFileSync(path.resolve(SYNTHETIC.dir, "public", src.slice(1))));

/** Synthetic story 1 has a lead image. */
const withImage = { url: "/stories/synthetic-00001" };

test.describe("lead images", () => {
  test("a story's lead image is responsive, described, captioned and credited, and reserves its space", async ({
    page,
  }) => {
    await page.goto(withImage.url);
    const figure = page.locator("article figure");
    const img = figure.locator("img");
    await expect(img).toHaveAttribute("alt", "A blue-grey gradient: a synthetic test image");
    await expect(img).toHaveAttribute("width", "1600");
    await expect(img).toHaveAttribute("height", "900");
    await expect(img).toHaveAttribute(
      "srcset",
      /\/_next\/image\?url=%2Fimages%2Fsynthetic%2Flead-00001\.png&w=\d+/,
    );
    await expect(img).toHaveAttribute("fetchpriority", "high");
    await expect(figure.locator("figcaption")).toHaveText(
      "Synthetic lead image for test story 1. Generated/Test data",
    );
    // The optimiser really serves it, and the picture really loaded.
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\//);
  });

  test("loading the page with its lead image shifts no layout", async ({ page, layoutShifts: cls }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(withImage.url, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    expect(await cls()).toBe(0);
  });
});

test.describe("figures in the body", () => {
  test("a body image is a figure: described, captioned, credited, responsive, sized", async ({ page }) => {
    await page.goto(url);
    const figure = page.locator(".prose figure");
    await expect(figure).toHaveCount(1);
    const img = figure.locator("img");
    await expect(img).toHaveAttribute("alt", alt);
    await expect(img).toHaveAttribute("width", String(width));
    await expect(img).toHaveAttribute("height", String(height));
    await expect(img).toHaveAttribute("loading", "lazy");
    await expect(figure.locator("figcaption")).toHaveText(`${caption} ${credit}`);
    await expect(figure.locator("figcaption .credit")).toHaveText(credit);
    // Every width in the srcset is one Next's optimiser really serves.
    const srcset = (await img.getAttribute("srcset"))!;
    const candidates = srcset.split(", ").map((c) => c.split(" ")[0]);
    expect(candidates.length).toBeGreaterThan(3);
    for (const candidate of candidates) {
      expect(candidate).toContain(`/_next/image?url=${encodeURIComponent(src)}&w=`);
      const response = await page.request.get(candidate);
      expect(response.status(), candidate).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^image\//);
    }
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
    expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toContain("/_next/image?url=");
  });

  test("the figure's picture arriving while it is in view shifts no layout", async ({
    page,
    layoutShifts: cls,
  }) => {
    // The picture is held back until its place is on screen, as on a slow connection: only a
    // shift in view counts, and a lazy image this near the top would otherwise load out of view.
    // (Without width and height this measured 0.11 at this size.)
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/_next/image?url=${encodeURIComponent(src)}*`, async (route) => {
      await held;
      await route.continue();
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url);
    const img = page.locator(".prose figure img");
    await img.scrollIntoViewIfNeeded();
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(0);
    release();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
    await page.waitForTimeout(500);
    expect(await cls()).toBe(0);
    // The space kept for it has the picture's proportions.
    const box = (await img.boundingBox())!;
    expect(Math.abs(box.width / box.height - width / height)).toBeLessThan(0.01);
  });

  test("feeds carry the figure as a plain image with an absolute address, and its caption", async ({
    request,
  }) => {
    const feed = await new Parser().parseString(await (await request.get("/feed.xml")).text());
    const item = feed.items.find((i) => i.link === `${SITE_URL}${url}`)!;
    const content = (item as unknown as Record<string, string>)["content:encoded"];
    expect(content).toContain(`<img src="${SITE_URL}${src}" alt="${alt}"`);
    expect(content).not.toMatch(/srcset|sizes=/);
    expect(content).toContain(caption);
    expect(content).toContain(credit);
  });
});

test.describe("pull quotes and fact boxes", () => {
  for (const colorScheme of COLOR_SCHEMES) {
    test(`a pull quote and a fact box, styled in the ${colorScheme} scheme, pass axe`, async ({
      page,
      axe,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      const pullquote = page.locator(".prose aside.pullquote");
      await expect(pullquote).toBeVisible();
      await expect(pullquote).toContainText(quote);
      await expect(pullquote).toContainText(quoteBy);
      // The words are in the story already: screen readers skip the repeat, and they are there.
      await expect(pullquote).toHaveAttribute("aria-hidden", "true");
      await expect(page.locator(".prose > p", { hasText: quote })).toHaveCount(1);

      const factbox = page.getByRole("complementary", { name: factsTitle });
      await expect(factbox).toBeVisible();
      await expect(factbox.locator("li")).toHaveText(facts);

      // Drawn in the scheme's own colours: the accent rule and the tinted panel.
      const colours = await page.evaluate(() => {
        const probe = document.createElement("div");
        probe.style.color = "var(--color-accent)";
        probe.style.backgroundColor = "var(--color-avatar)";
        document.body.append(probe);
        const style = getComputedStyle(probe);
        const result = {
          accent: style.color,
          panel: style.backgroundColor,
          rule: getComputedStyle(document.querySelector(".pullquote")!).borderTopColor,
          box: getComputedStyle(document.querySelector(".factbox")!).backgroundColor,
        };
        probe.remove();
        return result;
      });
      expect(colours.rule).toBe(colours.accent);
      expect(colours.box).toBe(colours.panel);

      await axe();
    });
  }

  test("in print, the fact box is ink on paper and the blocks stay whole", async ({ page }) => {
    await page.goto(url);
    await page.emulateMedia({ media: "print" });
    const factbox = page.locator(".prose aside.factbox");
    await expect(factbox).toBeVisible();
    await expect(page.locator(".prose aside.pullquote")).toBeVisible();
    const style = await factbox.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, border: s.borderTopColor, breakInside: s.breakInside };
    });
    expect(style).toEqual({ background: "rgba(0, 0, 0, 0)", border: "rgb(0, 0, 0)", breakInside: "avoid" });
  });
});
