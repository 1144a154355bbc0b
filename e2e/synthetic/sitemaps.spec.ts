/** The Google News sitemap, which lists only the stories of the last two days: timed synthetic stories show it. */
import { NEWS_SITEMAP_WINDOW_HOURS } from "../../site.config.mjs";
import { expect, test } from "../fixtures";
import { readSyntheticStories } from "./stories";

const stories = readSyntheticStories();

test.describe("at scale: time-dependent output", () => {
  test("the Google News sitemap lists exactly the stories of the last two days", async ({ request }) => {
    const text = await (await request.get("/news-sitemap.xml")).text();
    const listedPaths = [...text.matchAll(/<loc>[^<]*?(\/stories\/[^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    // Stories are hourly from half an hour before the build: none sits near the window's edge.
    const expected = stories
      .filter((s) => Date.now() - s.published < NEWS_SITEMAP_WINDOW_HOURS * 3600_000)
      .map((s) => s.url)
      .sort();
    expect(expected.length).toBeGreaterThan(40);
    expect(listedPaths).toEqual(expected);
    expect(text).toContain("<news:name>Broadsheet</news:name>");
  });
});
