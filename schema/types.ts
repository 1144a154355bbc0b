/**
 * The types of the content the schema (contentlayer.config.ts) produces: Contentlayer's
 * generated document types, and the shapes of its `json` computed fields, which Contentlayer
 * types loosely. Declared here, beside the schema; lib/content.ts hands them to their readers.
 */
export type { Article, Author, Takedown } from "contentlayer/generated";
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
