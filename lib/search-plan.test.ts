/**
 * The search planner on a realistic corpus of 10,000 stories (lib/search-corpus.ts): whatever a
 * query holds, what it scores stays within SEARCH_BUDGET, and it still finds what a reader
 * means. Its CPU time is a benchmark figure (lib/search-plan.bench.ts, in npm run bench:scale),
 * not asserted here.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { buildCorpus, type Corpus } from "./search-corpus";
import { MAX_QUERY_WORDS, NEWEST_ONLY, SEARCH_BUDGET, entriesOf, runSearch, termsOf } from "./search-plan";
import { WORST_QUERIES } from "./search-worst.mjs";

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(10_000);
}, 120_000);

const search = (query: string) => runSearch(corpus.index, corpus.newest, query);

describe("whatever a query holds, it scores at most SEARCH_BUDGET entries", () => {
  for (const [name, make] of Object.entries(WORST_QUERIES)) {
    test(name, () => {
      for (let i = 0; i < 5; i++) {
        const query = make(corpus.common, i);
        expect(search(query).cost, query.slice(0, 200)).toBeLessThanOrEqual(SEARCH_BUDGET);
        expect(termsOf(query).length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
      }
    });
  }

  test("a query of only very common words searches the newest stories, and says so", () => {
    const ranking = search(corpus.common[0]);
    expect(ranking.newestOnly).toBe(NEWEST_ONLY);
    expect(ranking.ranked.length).toBeGreaterThan(0);
    for (const { slug } of ranking.ranked) expect(corpus.newest.has(slug)).toBe(true);
  });
});

test("what the planner counts is what MiniSearch scores: one entry per story and field holding the word", () => {
  // MiniSearch's index is private: a version that changes its shape changes these counts.
  for (const word of ["quokka", corpus.common[50], corpus.common[500]]) {
    const perField = ["headline", "standfirst", "topics", "text"].map(
      (field) => corpus.index.search(word, { fields: [field], prefix: false, fuzzy: false }).length,
    );
    expect(entriesOf(corpus.index, word), word).toBe(perField.reduce((a, b) => a + b));
  }
  expect(entriesOf(corpus.index, "quokka")).toBe(3);
});

describe("it still finds what a reader means", () => {
  test("a typo beside a very common word is forgiven, and the common word left out", () => {
    const ranking = search(`${corpus.common[0]} quokkka`);
    expect(ranking.ranked.map((r) => r.slug)).toContain("synthetic-00003");
    expect(ranking.leftOut).toEqual([corpus.common[0]]);
    expect(ranking.newestOnly).toBeNull();
  });

  test("a rare word finds its stories, and a common word beside it is left out, not required", () => {
    const ranking = search(`${corpus.common[0]} quokka`);
    expect(ranking.leftOut).toEqual([corpus.common[0]]);
    expect(ranking.ranked.map((r) => r.slug).slice(0, 3)).toEqual([
      "synthetic-00003",
      "synthetic-00005",
      "synthetic-00007",
    ]);
  });

  test("a typo in a longer word is forgiven, and an unfinished last word completed", () => {
    expect(search("quokkka").ranked.map((r) => r.slug)).toContain("synthetic-00003");
    expect(search("quok").ranked.map((r) => r.slug)).toContain("synthetic-00003");
  });

  test("words are folded: case and accents do not matter", () => {
    expect(search("ZURICH").ranked.map((r) => r.slug)).toEqual(["synthetic-00009"]);
  });
});
