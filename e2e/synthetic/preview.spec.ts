import { spawnSync } from "node:child_process";
import path from "node:path";
import { PREVIEW_HEADERS, expiryIn, previewPath, previewSecret } from "../../lib/preview.mjs";
import { SITE_URL, SYNTHETIC } from "../env";
import { COLOR_SCHEMES, expect, test } from "../fixtures";
import { readAllSyntheticStories, readSyntheticStories } from "./stories";

/**
 * Preview links on a production build (lib/preview.mjs, lib/server/preview.mjs): the link
 * `npm run preview` prints shows a draft or a scheduled story, privately; anything else at a
 * preview address is the site's 404 page, and the story stays hidden everywhere else.
 */
const all = readAllSyntheticStories();
const draft = all.find((s) => s.draft)!;
const scheduled = all.find((s) => s.published > Date.now())!;
const published = readSyntheticStories()[0];
const workspace = path.resolve(SYNTHETIC.dir);

/** `npm run preview -- …` as an editor runs it, in the synthetic site's folder. */
function preview(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("scripts", "preview.mjs"), ...args], {
    cwd: workspace,
    env: { ...process.env, PWD: workspace, SITE_URL: "" },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

/** The link the command prints for a story, as a path on the server under test. */
function linkFor(slug: string) {
  const run = preview(slug);
  expect(run.status, run.stderr).toBe(0);
  // The site's public address, as the build was made with it.
  expect(run.stdout.startsWith(`${SITE_URL}/preview/${slug}?`), run.stdout).toBe(true);
  return run.stdout.slice(SITE_URL.length);
}

const expectPrivate = (response: { headers(): Record<string, string> } | null) => {
  const headers = response!.headers();
  for (const [name, value] of Object.entries(PREVIEW_HEADERS))
    expect(headers[name.toLowerCase()]).toBe(value);
  expect(headers["set-cookie"]).toBeUndefined();
};

test.describe("preview links", () => {
  for (const [kind, story, banner] of [
    ["a draft", () => draft, /^Preview: a draft, not published$/],
    ["a scheduled story", () => scheduled, /^Preview: scheduled for .+/],
  ] as const) {
    test(`the link npm run preview prints shows ${kind} under its banner, private and unindexed`, async ({
      page,
    }) => {
      const { slug, headline } = story();
      const link = linkFor(slug);
      const response = await page.goto(link);
      expect(response!.status()).toBe(200);
      await expect(page.locator("h1")).toHaveText(headline);
      await expect(page.getByRole("note").first()).toHaveText(banner);
      expectPrivate(response);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
      // Rendered again for the second request (nothing kept it), and still the draft.
      const again = await page.request.get(link);
      expect(again.status()).toBe(200);
      expect(await again.text()).toContain(headline);
      // Seeing the preview put the story nowhere else: its address, the home page, its section.
      expect((await page.request.get(`/stories/${slug}`)).status()).toBe(404);
      for (const place of ["/", `/${story().section.toLowerCase()}`, "/feed.xml", "/sitemap.xml"]) {
        expect(await (await page.request.get(place)).text(), place).not.toContain(slug);
      }
    });
  }

  for (const colorScheme of COLOR_SCHEMES) {
    test(`a preview has no WCAG 2.2 A/AA violations (${colorScheme})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(linkFor(scheduled.slug));
      await expect(page.getByRole("note").first()).toBeVisible();
      await axe();
    });
  }

  test("an expired, forged, tampered or incomplete link, or one for no story, is the site's 404 page", async ({
    page,
    request,
  }) => {
    const notFound = await request.get("/no-such-page");
    expect(notFound.status()).toBe(404);
    const notFoundHeading = /<h1[^>]*>(.*?)<\/h1>/s.exec(await notFound.text())![1];
    const valid = linkFor(draft.slug);
    const secret = previewSecret(path.join(workspace, ".broadsheet", "store"))!;
    const sig = new URL(valid, SITE_URL).searchParams.get("sig")!;
    const forged = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    const cases = {
      expired: previewPath(secret, draft.slug, expiryIn(-1 / 60)),
      forged: valid.replace(sig, forged),
      "tampered slug": valid.replace(`/${draft.slug}?`, `/${scheduled.slug}?`),
      "tampered expiry": valid.replace(/expires=(\d+)/, (_, e) => `expires=${Number(e) + 3600}`),
      "no signature": valid.replace(/&sig=.*/, ""),
      "no expiry": valid.replace(/expires=\d+&/, ""),
      "no story": previewPath(secret, "synthetic-99999", expiryIn(1)),
      "no query": `/preview/${draft.slug}`,
    };
    for (const [name, link] of Object.entries(cases)) {
      const response = await page.goto(link);
      expect(response!.status(), name).toBe(404);
      await expect(page.locator("h1"), name).toHaveText(notFoundHeading);
      await expect(page.getByText(draft.headline), name).toHaveCount(0);
      expectPrivate(response);
    }
  });

  test("a link to a story that is published by now leads to its page", async ({ request }) => {
    const secret = previewSecret(path.join(workspace, ".broadsheet", "store"))!;
    const link = previewPath(secret, published.slug, expiryIn(1));
    const response = await request.get(link, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(published.url);
    expectPrivate(response);
  });

  test("npm run preview names what can be previewed when the slug is unknown or already published", () => {
    const unknown = preview("no-such-story");
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain('No story "no-such-story" in the published content');
    expect(unknown.stderr).toContain(`${draft.slug} (draft)`);
    expect(unknown.stderr).toContain(`${scheduled.slug} (scheduled for`);
    const live = preview(published.slug);
    expect(live.status).toBe(1);
    expect(live.stderr).toContain(
      `"${published.slug}" is published: readers see it at ${SITE_URL}${published.url}`,
    );
    const tooLong = preview(draft.slug, "--hours", "1000");
    expect(tooLong.status).toBe(2);
    expect(tooLong.stderr).toContain("--hours");
  });
});
