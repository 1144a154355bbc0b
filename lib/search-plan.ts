/**
 * How a search is run within a bounded cost, whatever the query holds: how many words, how long,
 * how common, and how far a prefix or a typo may reach. lib/search.ts keeps the index and the
 * rankings; this decides what to score.
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from "minisearch";
import { foldTerm, type SearchDocument } from "@/schema/search";

/** Words beyond these add nothing to a news search and only cost time. */
export const MAX_QUERY_WORDS = 12;
/** A longer word is searched for by its first 32 letters (few English words are longer than 20). */
const MAX_TERM_LENGTH = 32;

/**
 * What a search may cost, whatever it holds: the number of (story, field) entries it scores.
 * Scoring is the cost of a search (about a microsecond an entry, 8 ms at most); finding the
 * entries of a word, or the words a prefix or a typo may stand for, costs little next to it.
 * The same bound at any size of archive, but for one case: a query of only very common words,
 * confined to the newest stories, still passes over every entry of its rarest word to find
 * theirs (a tenth of the cost of scoring one; 14,000 entries at 10,000 stories). `npm run
 * bench:scale` prints the worst queries' cost.
 */
export const SEARCH_BUDGET = 8_000;
/** A prefix shorter than this stands for too many words to be worth scoring ("t": thousands). */
export const MIN_PREFIX = 3;
/** Typos forgiven per word: one in words of 5 to 7 letters, two in longer words up to 20. */
const MAX_TYPOS = 2;
const MAX_TYPO_WORD = 20;
/** Words of a query in which typos are forgiven: readers make one or two, not twelve. */
const MAX_TYPO_WORDS = 3;

/** Few enough of the newest stories for one word in all four fields of each to fit the budget. */
export const NEWEST_ONLY = SEARCH_BUDGET / 4;

export type Ranked = { slug: string; terms: string[] };
export type Ranking = {
  ranked: Ranked[];
  /** Words too common to fit the budget, left out. */
  leftOut: string[];
  /** When only very common words were asked for: how many newest stories were searched. */
  newestOnly: number | null;
  /** Entries scored, in all attempts together: at most SEARCH_BUDGET. */
  cost: number;
};

/**
 * MiniSearch's own index of words (a radix tree of word -> field -> story -> count). Private in
 * MiniSearch (pinned at 7.2.0); read here only to count what a word would cost before it is
 * scored. lib/search-plan.test.ts fails if a new version changes it (see entriesOf).
 */
type Postings = Map<number, Map<number, number>>;
type WordIndex = {
  get(term: string): Postings | undefined;
  atPrefix(prefix: string): Iterable<[string, Postings]>;
  fuzzyGet(term: string, distance: number): Map<string, [Postings, number]>;
};
function wordIndex(index: MiniSearch<SearchDocument>): WordIndex {
  const words = (index as unknown as { _index?: WordIndex })._index;
  if (!words?.atPrefix || !words.fuzzyGet)
    throw new Error("MiniSearch's index is not what lib/search.ts expects");
  return words;
}
const entries = (postings: Postings | undefined) => {
  let n = 0;
  for (const stories of postings?.values() ?? []) n += stories.size;
  return n;
};

/** The (story, field) entries of a word as typed: what scoring it costs. */
export const entriesOf = (index: MiniSearch<SearchDocument>, term: string) =>
  entries(wordIndex(index).get(term));

/** The words of a query as the index holds them: folded, each once, none too long. */
const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
export function termsOf(query: string): string[] {
  const terms = tokenize(query)
    .map((t) => foldTerm(t).slice(0, MAX_TERM_LENGTH))
    .filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_QUERY_WORDS);
}

type Plan = {
  query: Query;
  options: SearchOptions;
  leftOut: string[];
  newestOnly: boolean;
  /** Whether any word's typos are forgiven. */
  forgiving: boolean;
  /** Whether it can find nothing (a word that matches nothing, in an AND search): not run. */
  hopeless: boolean;
  cost: number;
};

/**
 * A query that costs at most SEARCH_BUDGET scored entries.
 *
 *  1. Words the index does not hold as typed come first: they match only through their
 *     completions (the last word may be unfinished, from MIN_PREFIX letters) or, with `typos`,
 *     their near spellings, and they are what the reader meant, however common the words around
 *     them.
 *  2. Then the words it holds, rarest first, while they fit. A word too common to fit ("the",
 *     "said") is left out, as search engines leave out stop words, and the page says so. When
 *     nothing else is searched, the rarest is kept whatever it costs, and only the newest
 *     stories are searched for it.
 *  3. Then the last word's completions, if it is a word the index holds and they fit.
 *
 * A word that can match nothing makes an AND search hopeless (it is not run) and is left out of
 * an OR search.
 */
function plan(
  words: WordIndex,
  terms: string[],
  typos: boolean,
  combineWith: "AND" | "OR",
  budget: number,
  near: Map<string, Map<string, [Postings, number]>>,
): Plan {
  const cost = new Map(terms.map((t) => [t, entries(words.get(t))]));
  const expansion = new Map(terms.map((t) => [t, { prefix: false, fuzzy: 0 }]));
  const last = terms[terms.length - 1];
  let spent = 0;
  const fits = (extra: number) => spent + extra <= budget;
  /** What the completions of `term` add (other words only), or Infinity past `limit`. */
  const completions = (term: string, limit: number) => {
    let extra = 0;
    for (const [word, postings] of words.atPrefix(term)) {
      if (word !== term) extra += entries(postings);
      if (extra > limit) return Infinity;
    }
    return extra;
  };

  const unknown = terms.filter((t) => cost.get(t) === 0);
  let typoWords = 0;
  for (const term of unknown) {
    const expand = expansion.get(term)!;
    if (term === last && term.length >= MIN_PREFIX) {
      const extra = completions(term, budget - spent);
      if (extra > 0 && fits(extra)) [expand.prefix, spent] = [true, spent + extra];
    }
    // Only a few words' typos are forgiven: each search for near spellings walks the index (up
    // to a millisecond for a long word).
    if (typos && term.length > 4 && term.length <= MAX_TYPO_WORD && typoWords < MAX_TYPO_WORDS) {
      typoWords += 1;
      const distance = Math.min(MAX_TYPOS, term.length > 7 ? 2 : 1);
      // Each word's near spellings are looked up once per search, whatever the attempts.
      if (!near.has(term)) near.set(term, words.fuzzyGet(term, distance));
      let extra = 0;
      for (const [word, [postings]] of near.get(term)!) if (word !== term) extra += entries(postings);
      if (extra > 0 && fits(extra)) [expand.fuzzy, spent] = [distance, spent + extra];
    }
  }
  const reachable = (t: string) =>
    cost.get(t)! > 0 || expansion.get(t)!.prefix || expansion.get(t)!.fuzzy > 0;

  const kept = new Set(unknown.filter(reachable));
  const leftOut: string[] = [];
  for (const term of terms.filter((t) => cost.get(t)! > 0).sort((a, b) => cost.get(a)! - cost.get(b)!)) {
    if (spent > 0 && !fits(cost.get(term)!)) leftOut.push(term);
    else {
      kept.add(term);
      spent += cost.get(term)!;
    }
  }
  if (kept.has(last) && cost.get(last)! > 0 && last.length >= MIN_PREFIX && spent <= budget) {
    const extra = completions(last, budget - spent);
    if (extra > 0 && fits(extra)) [expansion.get(last)!.prefix, spent] = [true, spent + extra];
  }

  const queries = terms
    .filter((term) => kept.has(term))
    .map((term) => ({ queries: [term], ...expansion.get(term)!, combineWith: "OR" }) as Query);
  return {
    query: { queries, combineWith },
    options: { boost: { headline: 3, topics: 2, standfirst: 2 } },
    leftOut,
    newestOnly: spent > budget,
    forgiving: [...expansion.values()].some((e) => e.fuzzy > 0),
    hopeless: kept.size === 0 || (combineWith === "AND" && !unknown.every(reachable)),
    cost: spent,
  };
}

/** The first of these that finds anything: all words as typed, all words allowing typos, any word. */
const attempts = [
  { typos: false, combineWith: "AND" },
  { typos: true, combineWith: "AND" },
  { typos: true, combineWith: "OR" },
] as const;

/**
 * Runs a query within the budget. `newest` is the set of newest stories' slugs (NEWEST_ONLY of
 * them), to which a query of only very common words is confined.
 */
export function runSearch(index: MiniSearch<SearchDocument>, newest: Set<string>, query: string): Ranking {
  const words = wordIndex(index);
  const terms = termsOf(query);
  let results: SearchResult[] = [];
  let chosen: Plan | null = null;
  // One budget for the whole search, however many attempts it takes.
  let remaining = SEARCH_BUDGET;
  const near = new Map<string, Map<string, [Postings, number]>>();
  for (const { typos, combineWith } of terms.length > 0 ? attempts : []) {
    // Typos are forgiven only when the words as typed find nothing: the costly part of a search
    // is not paid for queries that need none.
    // Any word of one word is all of them: the last attempt would repeat the one before.
    if (combineWith === "OR" && terms.length === 1) break;
    const next = plan(words, terms, typos, combineWith, remaining, near);
    // Forgiving typos where no word can be one is the search just made: not made again.
    if (typos && combineWith === "AND" && !next.forgiving) continue;
    if (next.hopeless) continue;
    // Confined to the newest stories, a search may score up to the whole budget: only as the first.
    if (next.newestOnly && remaining < SEARCH_BUDGET) break;
    chosen = next;
    let scored = 0;
    const options = chosen.newestOnly
      ? {
          ...chosen.options,
          boostDocument: (id: unknown) => (newest.has(id as string) ? (scored++, 1) : 0),
        }
      : chosen.options;
    results = index.search(chosen.query, options);
    remaining -= chosen.newestOnly ? scored : chosen.cost;
    if (results.length > 0 || remaining <= 0) break;
  }
  return {
    ranked: results.map((r) => ({ slug: r.id as string, terms: r.terms })),
    leftOut: chosen?.leftOut ?? [],
    newestOnly: chosen?.newestOnly ? newest.size : null,
    cost: SEARCH_BUDGET - remaining,
  };
}
