/**
 * The search's worst case, as a benchmark (`npm run bench:scale`; alone: npx vitest bench --run
 * lib/search-plan.bench.ts): each of the worst queries one can construct (lib/search-worst.mjs),
 * a new one every time, on a realistic corpus of 10,000 stories. The figure is the time of one
 * search, search alone (the page around it is measured by bench:scale through the server).
 */
import { bench, describe } from "vitest";
import { formatNumber } from "./format";
import { buildCorpus } from "./search-corpus";
import { runSearch } from "./search-plan";
import { WORST_QUERIES } from "./search-worst.mjs";

const corpus = buildCorpus(Number(process.env.SEARCH_BENCH_STORIES ?? 10_000));

describe(`the worst queries at ${formatNumber(corpus.index.documentCount)} stories`, () => {
  for (const [name, make] of Object.entries(WORST_QUERIES)) {
    let seed = 0;
    bench(
      name,
      () => {
        runSearch(corpus.index, corpus.newest, make(corpus.common, seed++));
      },
      { time: 2000, warmupTime: 300 },
    );
  }
});
