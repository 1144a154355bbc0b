import { describe, expect, it } from "vitest";
import { explainFrontMatter } from "./front-matter.mjs";

const story = (...lines: string[]) => ["---", ...lines, "---", "", "A paragraph."].join("\n");

describe("front matter YAML cannot read, explained", () => {
  it.each([
    {
      mistake: "a colon in a plain value",
      text: story("headline: Trade talks: what next", "section: World"),
      line: 2,
      field: "headline",
      says: 'a value with a colon needs quotes: headline: "Trade talks: what next"',
    },
    {
      mistake: "a quote opened and never closed, found above where YAML gives up",
      text: story("headline: Talks", "standfirst: 'What was said.", "section: World", "topics:", "  - Trade"),
      line: 3,
      field: "standfirst",
      says: "the single quote (') that opens the value is never closed; end the value with the same quote on this line: standfirst: 'What was said.'",
    },
    {
      mistake: "text after the closing quote",
      text: story('headline: "Trade" talks resume'),
      line: 2,
      field: "headline",
      says: `there is text after the closing quote ("talks resume"); put the whole value inside quotes: headline: '"Trade" talks resume'`,
    },
    {
      mistake: "a tab for indentation",
      text: story("headline: Talks", "topics:", "\t- Trade"),
      line: 4,
      field: undefined,
      says: "is indented with a tab; YAML needs spaces: indent with two spaces",
    },
    {
      mistake: "a list that is never closed",
      text: story("topics: [Trade, Tariffs"),
      line: 2,
      field: "topics",
      says: 'the list opened with "[" is never closed; end it with "]" on this line',
    },
    {
      mistake: "a value starting with a character YAML reserves",
      text: story("headline: *Breaking* news"),
      line: 2,
      field: "headline",
      says: 'a value may not start with "*" unless it is in quotes: headline: "*Breaking* news"',
    },
    {
      mistake: "a field given twice",
      text: story("headline: A", "standfirst: B", "headline: C"),
      line: 4,
      field: "headline",
      says: "appears twice (lines 2 and 4); keep one",
    },
    {
      mistake: "a colon after a block value, which is itself fine",
      text: story("standfirst: >-", "  China: a visit.", "  More: words.", "headline: Talks: now"),
      line: 5,
      field: "headline",
      says: 'a value with a colon needs quotes: headline: "Talks: now"',
    },
  ])("$mistake", ({ text, line, field, says }) => {
    const found = explainFrontMatter(text);
    expect(found).toEqual({ line, field: field ?? null, problem: says });
  });

  it("finds front matter that is never closed", () => {
    expect(explainFrontMatter("---\nheadline: Talks\nsection: World\n\nA paragraph.\n")).toEqual({
      line: 1,
      field: null,
      problem:
        "the front matter that starts here is never closed; add a line of three hyphens (---) after the last field, before the story's text",
    });
  });

  it("blames the line that is wrong, not a valid one above it", () => {
    // A colon inside a comment, a quoted value and a list going on over lines: all valid.
    const text = story(
      "author: nathan-morgan # or, for several: authors: [a, b]",
      'standfirst: "A long one',
      '  that continues."',
      "topics: [Trade,",
      "  Tariffs]",
      "headline: 'Unclosed",
      "section: World",
    );
    expect(explainFrontMatter(text)).toMatchObject({ line: 7, field: "headline" });
  });

  it("says nothing about front matter YAML reads, however it is written", () => {
    for (const text of [
      story('headline: "Trade talks: what next"'),
      story("headline: 'It''s on'"),
      story("standfirst: >-", "  China: a visit.", "topics:", "  - Trade", "  - 'US: China'"),
      story("headline: Talks # a comment: with a colon"),
      "No front matter at all.",
    ]) {
      expect(explainFrontMatter(text), text).toBeNull();
    }
  });

  it("falls back to YAML's own finding, with its line, when no line looks wrong", () => {
    const found = explainFrontMatter(
      story("headline: Talks", "  standfirst: indented oddly", "section: World"),
    );
    expect(found?.line).toBeGreaterThanOrEqual(2);
    expect(found?.problem).toMatch(/^YAML cannot read the front matter here \(.+\); look at this line/);
  });
});
