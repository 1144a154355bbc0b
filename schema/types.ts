/**
 * The types of the content the schema (contentlayer.config.ts) produces: Contentlayer's
 * generated document types, and the shapes of its `json` computed fields, which Contentlayer
 * types loosely. Declared here, beside the schema; lib/content.ts hands them to their readers.
 */
import type { Article as Checked, Author as CheckedAuthor } from "contentlayer/generated";

export type { LiveEntry, Takedown } from "contentlayer/generated";

/**
 * Contentlayer types the fields the schema checks itself as optional (see WHAT_TO_WRITE in
 * contentlayer.config.ts); a document that was generated has passed those checks, so they are
 * present.
 */
type Present<T, K extends keyof T> = Omit<T, K> & { [F in K]-?: NonNullable<T[F]> };
export type Article = Present<Checked, "headline" | "standfirst" | "section" | "topics">;
export type Author = Present<CheckedAuthor, "name">;
export type { TocHeading } from "./headings";
export type { EmbedRef } from "./embed-cards";
export type TopicRef = { name: string; slug: string };
export type CorrectionEntry = { date: string; kind: "correction" | "update"; text: string };
export type LeadImageInfo = {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
};
