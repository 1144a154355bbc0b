/**
 * The search index's shape, shared by the content build (which writes the index once, in
 * contentlayer.config.ts's onSuccess) and by lib/search.ts (which loads it once per server).
 */
import MiniSearch, { type Options } from "minisearch";

export type SearchDocument = {
  slug: string;
  headline: string;
  standfirst: string;
  topics: string;
  text: string;
};

/** Lower-case and without diacritics, so that "Zürich", "zurich" and "ZURICH" are one word. */
export const foldTerm = (term: string) => term.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export const searchIndexOptions: Options<SearchDocument> = {
  idField: "slug",
  fields: ["headline", "standfirst", "topics", "text"],
  storeFields: [],
  processTerm: (term) => foldTerm(term) || null,
};

export const SEARCH_INDEX_FILE = "search-index.json";

export function buildSearchIndex(documents: SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(documents);
  return JSON.stringify(index);
}
