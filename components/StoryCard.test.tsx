import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Author, Story } from "@/lib/content";
import type { Teaser } from "@/lib/teasers";
import { sections } from "@/site.config.mjs";
import { StoryCard } from "./StoryCard";
import { StoryList } from "./StoryList";

// Only the fields a card shows: a card that read any other would show "undefined" here.
const story = {
  slug: "talks-resume",
  url: "/stories/talks-resume",
  headline: "Trade talks resume in Geneva",
  standfirst: "Negotiators return after a pause of a week.",
  publishedAt: "2025-06-07T11:00:00.000Z",
} as Story;
const authors = [{ name: "Ana Ruiz" }, { name: "Ben Okafor" }, { name: "Chloé Martin" }] as Author[];
const [section, otherSection] = sections;
const teaser: Teaser = { story, section, authors, liveNow: false };

const render = (props: Partial<Parameters<typeof StoryCard>[0]> = {}) =>
  renderToStaticMarkup(<StoryCard teaser={teaser} {...props} />);

describe("StoryCard", () => {
  it("links its headline to the story", () => {
    expect(render()).toMatch(new RegExp(`<h2[^>]*><a href="${story.url}"[^>]*>${story.headline}</a></h2>`));
    expect(render({ level: 3 })).toMatch(/<h3[^>]*><a href="\/stories\/talks-resume"/);
  });

  it("names the section it is given, unless the whole list is one section", () => {
    expect(render()).toContain(`>${section.name}</p>`);
    expect(render({ teaser: { ...teaser, section: otherSection } })).toContain(`>${otherSection.name}</p>`);
    expect(render({ showSection: false })).not.toContain(section.name);
  });

  it("names every author, in byline order", () => {
    const html = render();
    const at = authors.map((a) => html.indexOf(a.name));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("says Live while the coverage runs, and only then", () => {
    expect(render({ teaser: { ...teaser, liveNow: true } })).toContain(
      '<span class="live-label">Live</span>',
    );
    expect(render()).not.toContain("live-label");
  });

  it("shows the standfirst on the lead story only", () => {
    expect(render({ lead: true })).toContain(story.standfirst);
    expect(render()).not.toContain(story.standfirst);
  });
});

describe("StoryList", () => {
  it("draws a card for each story, in order", () => {
    const second = {
      ...teaser,
      story: { ...story, slug: "second", url: "/stories/second", headline: "Second" },
    };
    const html = renderToStaticMarkup(<StoryList teasers={[teaser, second]} empty="Nothing" />);
    expect(html.indexOf(story.headline)).toBeLessThan(html.indexOf(">Second<"));
    expect(html).not.toContain("Nothing");
  });

  it("says so when there is nothing to list", () => {
    expect(renderToStaticMarkup(<StoryList teasers={[]} empty="No stories yet." />)).toContain(
      "No stories yet.",
    );
  });
});
