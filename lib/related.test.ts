import { describe, expect, it } from "vitest";
import { serveFixtures } from "@/tests/content/fixture-store";
import { authors, stories } from "@/tests/content/newsroom-fixture";
import * as content from "./content";
import * as related from "./related";

serveFixtures({ authors, stories: stories() });

const story = (slug: string) => content.getStoryBySlug(slug)!;
const slugs = (list: { slug: string }[]) => list.map((s) => s.slug);

describe("related stories", () => {
  it("puts the most topics in common first, then the same section, newer breaking a tie", () => {
    // tariffs-latest shares two topics (4 points); trade-older one topic and the section (3);
    // china-economy and trade-business one topic each (2), china-economy the newer.
    expect(slugs(related.relatedStories(story("talks"), 4))).toEqual([
      "tariffs-latest",
      "trade-older",
      "china-economy",
      "trade-business",
    ]);
  });

  it("fills up with the newest of the same section when too few share a topic", () => {
    expect(slugs(related.relatedStories(story("talks"), 6))).toEqual([
      "tariffs-latest",
      "trade-older",
      "china-economy",
      "trade-business",
      "world-newer",
      "world-other",
    ]);
  });

  it("never suggests the story itself, a draft or a story not yet published", () => {
    const suggested = slugs(related.relatedStories(story("talks"), 50));
    expect(suggested).not.toContain("talks");
    expect(suggested).not.toContain("draft-trade");
    expect(suggested).not.toContain("scheduled-trade");
    expect(suggested).not.toContain("politics-only");
  });
});

describe("section neighbours", () => {
  it("are the stories published just before and just after in the same section", () => {
    const { previous, next } = related.sectionNeighbours(story("talks"));
    expect(previous?.slug).toBe("world-other");
    expect(next?.slug).toBe("world-newer");
  });

  it("stop at either end of the section", () => {
    expect(related.sectionNeighbours(story("world-newer")).next).toBeUndefined();
    expect(related.sectionNeighbours(story("trade-older")).previous).toBeUndefined();
  });
});
