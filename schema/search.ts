/** The search index's shape and how its words are folded (lib/search.ts builds the index). */
import type { Options } from "minisearch";

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
