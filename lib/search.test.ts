import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from "@/site.config.mjs";
import { serveFixtures } from "@/tests/content/fixture-store";
import { authors, harbourStories, stories } from "@/tests/content/newsroom-fixture";
import * as lib from "./search";
import type { SearchOutcome, Segment } from "./search";

serveFixtures({ authors, stories: stories() });

type Results = Extract<SearchOutcome, { kind: "results" }>;
function results(query: string, page = 1): Results {
  const outcome = lib.search(query, page);
  if (outcome.kind !== "results") throw new Error(`"${query}" gave ${outcome.kind}`);
  return outcome;
}
const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
const text = (segments: Segment[]) => segments.map((s) => s.text).join("");

describe("search", () => {
  it("finds every story with the word, and marks the word in each headline", () => {
    const found = results("tariffs");
    expect(found.hits.map((h) => h.story.slug).sort()).toEqual(["talks", "tariffs-latest"]);
    const headline = found.hits.find((h) => h.story.slug === "tariffs-latest")!.headline;
    expect(text(headline)).toBe("Tariffs: what changes for importers");
    expect(marked(headline)).toEqual(["Tariffs"]);
  });

  it("shows the words around the first match in a long story, marked, with the cut shown", () => {
    const snippet = results("rare earth").hits.find((h) => h.story.slug === "talks")!.snippet;
    expect(snippet[0].text).toBe("… ");
    expect(marked(snippet)).toEqual(["rare", "earth"]);
    expect(text(snippet).length).toBeLessThan(260);
  });

  it("forgives a typo", () => {
    expect(results("tarifs").hits.map((h) => h.story.slug)).toContain("tariffs-latest");
  });

  it("never finds a draft or a story whose time has not come", () => {
    expect(lib.search("zeppelin")).toMatchObject({ kind: "results", total: 0 });
    expect(lib.search("quokka")).toMatchObject({ kind: "results", total: 0 });
  });

  it("pages results, the site's page size at a time, and has no page past the last", () => {
    const first = results("harbour");
    expect(first.total).toBe(harbourStories.length);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.totalPages).toBe(Math.ceil(harbourStories.length / SEARCH_PAGE_SIZE));
    const second = results("harbour", 2);
    expect(second.hits).toHaveLength(harbourStories.length - SEARCH_PAGE_SIZE);
    const seen = [...first.hits, ...second.hits].map((h) => h.story.slug);
    expect(new Set(seen).size).toBe(harbourStories.length);
    expect(lib.search("harbour", first.totalPages + 1)).toEqual({
      kind: "no-page",
      query: "harbour",
      total: harbourStories.length,
    });
  });

  it("asks for words when there are none, and turns away a query over the limit", () => {
    expect(lib.search("")).toEqual({ kind: "empty" });
    expect(lib.search("  \n\t ")).toEqual({ kind: "empty" });
    const tooLong = "trade ".repeat(MAX_QUERY_LENGTH).slice(0, MAX_QUERY_LENGTH + 1);
    expect(lib.search(tooLong)).toEqual({ kind: "too-long", length: MAX_QUERY_LENGTH + 1 });
    expect(lib.search(tooLong.slice(0, MAX_QUERY_LENGTH)).kind).toBe("results");
  });
});
