/**
 * The search planner on a realistic corpus (scripts/generate-stories.mjs: English words as often
 * as English uses them, names and places): whatever a query holds, what it scores stays within
 * SEARCH_BUDGET, and it still finds what a reader means. Its CPU time at 10,000 stories is a
 * benchmark figure (npm run bench:scale), not asserted here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import MiniSearch from "minisearch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { searchIndexOptions, type SearchDocument } from "@/schema/search";
import { MAX_QUERY_WORDS, NEWEST_ONLY, SEARCH_BUDGET, runSearch, termsOf } from "./search-plan";

const STORIES = 10_000;
let dir: string;
let index: MiniSearch<SearchDocument>;
let newest: Set<string>;
let docs: (SearchDocument & { published: string })[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "search-plan-"));
  const out = path.join(dir, "content");
  const run = spawnSync(
    process.execPath,
    ["scripts/generate-stories.mjs", "--count", String(STORIES), "--out", out],
    {
      encoding: "utf8",
    },
  );
  expect(run.status, run.stderr).toBe(0);
  docs = readdirSync(path.join(out, "stories")).map((file) => {
    const [, front, body] = readFileSync(path.join(out, "stories", file), "utf8").split(/^---$/m);
    return {
      slug: file.replace(/\.md$/, ""),
      headline: /^headline: "(.*)"$/m.exec(front)![1],
      standfirst: /^standfirst: "(.*)"$/m.exec(front)![1],
      topics: [...front.matchAll(/^ {2}- (.*)$/gm)].map((m) => m[1]).join(" "),
      text: body,
      published: /^published: (.*)$/m.exec(front)![1],
    };
  });
  index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(docs);
  newest = new Set(
    [...docs]
      .sort((a, b) => b.published.localeCompare(a.published))
      .slice(0, NEWEST_ONLY)
      .map((d) => d.slug),
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const letters = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((seed * 7 + i * 13) % 26))).join("");
/** The words in the most stories, from the corpus itself. */
let common: string[] | undefined;
const mostCommon = (n: number) => {
  if (common) return common.slice(0, n);
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const w of new Set(termsOf(d.text).concat(d.text.toLowerCase().split(/\W+/))))
      counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([w]) => w.length > 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);
};

describe("whatever a query holds, it scores at most SEARCH_BUDGET entries", () => {
  test.each([
    ["twelve random 40-letter words", () => Array.from({ length: 12 }, (_, i) => letters(40, i)).join(" ")],
    ["the twelve most common words", () => mostCommon(12).join(" ")],
    ["common words and a one-letter prefix", () => `${mostCommon(11).join(" ")} t`],
    ["common words and a three-letter prefix", () => `${mostCommon(11).join(" ")} the`],
    ["one 1,000-letter word", () => letters(1000, 3)],
    ["500 one-letter words", () => Array.from({ length: 500 }, (_, i) => letters(1, i)).join(" ")],
    [
      "long words with typos (fuzzy expansion)",
      () =>
        "considerashuns translashions microfones establishmint internashional responsability relashionships oportunities".toString(),
    ],
  ])("%s", (_name, make) => {
    const query = make();
    const ranking = runSearch(index, newest, query);
    expect(ranking.cost).toBeLessThanOrEqual(SEARCH_BUDGET);
    expect(termsOf(query).length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
  });

  test("a query of only very common words searches the newest stories, and says so", () => {
    const [word] = mostCommon(1);
    const ranking = runSearch(index, newest, word);
    expect(ranking.newestOnly).toBe(NEWEST_ONLY);
    expect(ranking.ranked.length).toBeGreaterThan(0);
    for (const { slug } of ranking.ranked) expect(newest.has(slug)).toBe(true);
  });
});

describe("it still finds what a reader means", () => {
  test("a rare word finds its stories, and a common word beside it is left out, not required", () => {
    const ranking = runSearch(index, newest, `${mostCommon(1)[0]} quokka`);
    expect(ranking.leftOut).toEqual([mostCommon(1)[0]]);
    expect(ranking.ranked.map((r) => r.slug).slice(0, 3)).toEqual([
      "synthetic-00003",
      "synthetic-00005",
      "synthetic-00007",
    ]);
  });

  test("a typo in a longer word is forgiven, and an unfinished last word completed", () => {
    expect(runSearch(index, newest, "quokkka").ranked.map((r) => r.slug)).toContain("synthetic-00003");
    expect(runSearch(index, newest, "quok").ranked.map((r) => r.slug)).toContain("synthetic-00003");
  });

  test("words are folded: case and accents do not matter", () => {
    expect(runSearch(index, newest, "ZURICH").ranked.map((r) => r.slug)).toEqual(["synthetic-00009"]);
  });
});
