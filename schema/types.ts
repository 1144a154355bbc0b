/**
 * The types of the content the schema (contentlayer.config.ts) produces, as the site reads it:
 * one name per thing.
 *
 * Contentlayer's generated types put what an editor writes (`published`, `section`, `topics`)
 * beside the schema's checked value of it (`publishedAt`, `sectionName`, `topicRefs`), and the
 * two cannot share a name (one type cannot hold two properties of one name). The types below
 * leave out the raw inputs and the fields that exist only to run the checks, so that a reader
 * can reach only the checked value; and they give the `json` computed fields, which Contentlayer
 * types loosely, their shapes. A document that was generated has passed every check.
 */
import type * as Generated from "contentlayer/generated";
import type { SectionName } from "@/site.config.mjs";
import type { EmbedRef } from "./embed-cards";
import type { TocHeading } from "./headings";

/** T without its raw inputs and check-only fields, with the fields in Shaped given their shapes. */
type Checked<T, Left extends keyof T, Shaped> = Omit<T, Left | keyof Shaped> & Shaped;

export type Story = Checked<
  Generated.Story,
  | "published"
  | "updated"
  | "author"
  | "authors"
  | "section"
  | "topics"
  | "corrections"
  | "coverageEnd"
  | "image"
  | "allFieldsChecked",
  {
    headline: string;
    standfirst: string;
    sectionName: SectionName;
    authorSlugs: string[];
    topicRefs: TopicRef[];
    correctionLog: CorrectionEntry[];
    leadImage: LeadImageInfo | null;
    embeds: EmbedRef[];
    headings: TocHeading[];
  }
>;
export type Author = Checked<
  Generated.Author,
  "links" | "limitsChecked" | "pictureChecked",
  { name: string; checkedLinks: string[] }
>;
export type LiveEntry = Checked<
  Generated.LiveEntry,
  "time" | "allFieldsChecked" | "entryBody",
  { embeds: EmbedRef[] }
>;
export type Takedown = Omit<Generated.Takedown, "removed" | "limitsChecked">;

export type { TocHeading, EmbedRef };
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
