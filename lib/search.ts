/**
 * Search over every published story. The MiniSearch index lives in the server process: built
 * when the server starts (instrumentation.ts), then kept up to date with each publish by adding,
 * replacing and removing only the stories that changed. Results list only what is public at
 * the moment of the search (getStoryBySlug applies isPublic), so a scheduled story is found
 * from its publication time on, and a draft never.
 */
import { LRUCache } from "lru-cache";
import MiniSearch from "minisearch";
import { foldTerm, searchIndexOptions, type SearchDocument } from "@/schema/search";
import { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from "@/site.config.mjs";
import { getStoredStories, getStoryBySlug, type Story } from "./content";
import { paginate } from "./listings";
import {
  MAX_QUERY_WORDS,
  MIN_PREFIX,
  NEWEST_ONLY,
  runSearch,
  termsOf,
  type Ranked,
  type Ranking,
} from "./search-plan";

/**
 * The ranking of recent queries. Readers repeat queries (the news of the day), and its ranking
 * does not change until the next publish, so it is kept until then. Least recently used go first.
 */
const rankings = new LRUCache<string, Ranking>({ max: 500 });
/**
 * Queries asked once lately. A ranking is kept only when its query comes a second time: most
 * queries are asked once, and keeping each of their rankings (thousands of objects for a broad
 * query) for the second or so until the cache dropped it was just long enough for the garbage
 * collector to move them to the old generation, whose collections set the slowest requests'
 * times under load.
 */
const askedOnce = new LRUCache<string, true>({ max: 5000 });

const documentOf = (a: Story): SearchDocument => ({
  slug: a.slug,
  headline: a.headline,
  standfirst: a.standfirst,
  topics: a.topicRefs.map((t) => t.name).join(" "),
  text: a.text,
});

/** Drafts are never searchable; in development, where they are shown, they are. */
const searchable = (a: Story) => process.env.NODE_ENV === "development" || !a.draft;

type Indexed = {
  /** The stored stories the index was last brought up to date with (getStoredStories). */
  stored: Story[];
  index: MiniSearch<SearchDocument>;
  docs: Map<string, Story>;
  /** The newest stories, to which a query with only very common words is confined. */
  newest: Set<string>;
};
const KEY = Symbol.for("broadsheet.search-index");
const holder = globalThis as unknown as Record<symbol, Indexed | undefined>;

/**
 * The index for the content now. A new version of the content changes only the stories whose
 * documents changed (the store hands unchanged stories over as the same objects).
 */
function index(): Indexed {
  const stored = getStoredStories();
  let state = holder[KEY];
  if (state?.stored === stored) return state;
  const stories = stored.filter(searchable);
  if (!state) {
    const index = new MiniSearch<SearchDocument>(searchIndexOptions);
    index.addAll(stories.map(documentOf));
    state = { stored, index, docs: new Map(stories.map((a) => [a.slug, a])), newest: newestOf(stories) };
  } else {
    const next = new Map(stories.map((a) => [a.slug, a]));
    for (const [slug, story] of next) {
      const before = state.docs.get(slug);
      if (before === story) continue;
      if (before) state.index.replace(documentOf(story));
      else state.index.add(documentOf(story));
    }
    for (const slug of state.docs.keys()) if (!next.has(slug)) state.index.discard(slug);
    state = { stored, index: state.index, docs: next, newest: newestOf(stories) };
  }
  holder[KEY] = state;
  rankings.clear();
  return state;
}

const newestOf = (stories: Story[]) =>
  new Set(
    [...stories]
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .slice(0, NEWEST_ONLY)
      .map((a) => a.slug),
  );

/** A run of text, highlighted where it matched the query. */
export type Segment = { text: string; mark: boolean };

export type Hit = { story: Story; headline: Segment[]; snippet: Segment[] };

export type SearchOutcome =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | {
      kind: "results";
      query: string;
      total: number;
      page: number;
      totalPages: number;
      /** Words too common to search for (in most stories), left out of the search. */
      leftOut: string[];
      /** Only very common words: the search covered this many newest stories, not all. */
      newestOnly: number | null;
      hits: Hit[];
    }
  | { kind: "no-page"; query: string; total: number };

/** Folds each character on its own, so that positions in the folded text match the original. */
function foldKeepingPositions(text: string): string {
  // Most text is plain ASCII, where folding is lower-casing (and keeps every position).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = "";
  for (const c of text) {
    const f = foldTerm(c);
    out += f.length === c.length ? f : c.length === 1 ? c.toLowerCase().slice(0, 1) : c;
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where each matched term is a word of the text, longest term first at the same place, and no
 * two overlapping. Only `prefix`, the query's last word (which may be unfinished), may match
 * the start of a longer word: "the" is not highlighted in "then".
 */
function matches(text: string, terms: string[], prefix?: string) {
  const folded = foldKeepingPositions(text);
  const candidates: { start: number; end: number }[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + 1)) {
      const end = i + term.length;
      const starts = i === 0 || !WORD_CHAR.test(folded[i - 1]);
      const ends = end === folded.length || !WORD_CHAR.test(folded[end]) || term === prefix;
      if (starts && ends) candidates.push({ start: i, end });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: { start: number; end: number }[] = [];
  for (const span of candidates) if (span.start >= (found.at(-1)?.end ?? 0)) found.push(span);
  return found;
}

function segments(
  text: string,
  spans: { start: number; end: number }[],
  from = 0,
  to = text.length,
): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const { start, end } of spans) {
    if (end <= from || start >= to) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(Math.max(start, at), Math.min(end, to)), mark: true });
    at = Math.min(end, to);
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

const SNIPPET_LENGTH = 220;

/** About 220 characters of the body around its first match, cut at word boundaries. */
function snippet(story: Story, terms: string[], prefix?: string): Segment[] {
  const text = story.text.replace(/\s+/g, " ");
  const spans = matches(text, terms, prefix);
  if (spans.length === 0) return segments(story.standfirst, matches(story.standfirst, terms, prefix));
  let start = Math.max(0, spans[0].start - 60);
  if (start > 0) start = text.indexOf(" ", start) + 1;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) end = text.lastIndexOf(" ", end);
  const body = segments(text, spans, start, end);
  if (start > 0) body.unshift({ text: "… ", mark: false });
  if (end < text.length) body.push({ text: " …", mark: false });
  return body;
}

function rank(query: string): Ranking {
  const state = index();
  const key = foldTerm(query);
  const cached = rankings.get(key);
  if (cached) return cached;
  const ranking = runSearch(state.index, state.newest, query);
  if (askedOnce.has(key)) rankings.set(key, ranking);
  else askedOnce.set(key, true);
  return ranking;
}

/** Loads the content and the index now (the server calls this when it starts). */
export function warmSearch() {
  index();
  rank("warm");
  rankings.clear();
}

export function search(rawQuery: string, page = 1): SearchOutcome {
  const query = rawQuery.normalize("NFC").replace(/\s+/g, " ").trim();
  if (query === "") return { kind: "empty" };
  const length = [...query].length;
  if (length > MAX_QUERY_LENGTH) return { kind: "too-long", length };
  const asked = query.split(" ").slice(0, MAX_QUERY_WORDS).join(" ");
  const { ranked: ranking, leftOut, newestOnly } = rank(asked);
  // The last word may have been searched as the start of longer words: highlighted so too.
  const last = termsOf(asked).at(-1);
  const prefix = last && last.length >= MIN_PREFIX ? last : undefined;
  const ranked = ranking
    .map((r) => ({ result: r, story: getStoryBySlug(r.slug) }))
    .filter((r): r is { result: Ranked; story: Story } => r.story !== null);
  const found = paginate(ranked, page, SEARCH_PAGE_SIZE);
  if (!found) return { kind: "no-page", query, total: ranked.length };
  return {
    kind: "results",
    query,
    total: found.total,
    page: found.page,
    totalPages: found.totalPages,
    leftOut,
    newestOnly,
    hits: found.items.map(({ result, story }) => ({
      story,
      headline: segments(story.headline, matches(story.headline, result.terms, prefix)),
      snippet: snippet(story, result.terms, prefix),
    })),
  };
}
