/**
 * The content schema: the contract every story and author file must meet.
 *
 * Contentlayer checks field presence and types. What it does not check (real dates, the
 * section list, that an author exists, unique slugs) is checked here too, in computed fields
 * and in `onSuccess`, and every failure names the file and the field. With the three "fail"
 * flags below, any problem fails the build; nothing is skipped with a warning. Every field has a
 * size limit (schema/limits.mjs), checked before anything else, and a story's body may load
 * nothing from another site (schema/body.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineDocumentType, defineNestedType, makeSource } from "contentlayer2/source-files";
import { fromHtml } from "hast-util-from-html";
import { slug as slugify } from "github-slugger";
import readingTime from "reading-time";
import { bodyBlockProblems } from "./schema/blocks";
import { notRendered, offSite, storyBodyProblems } from "./schema/body";
import { DATE_TIME_EXAMPLE, parseDateTime } from "./schema/dates";
import { storyEmbeds } from "./schema/embed-cards";
import { PLACEHOLDER } from "./schema/placeholder.mjs";
import { checkHeadingLevels, extractHeadings, plainText } from "./schema/headings";
import { limitProblems, quoted, type Kind } from "./schema/limits.mjs";
import { readGenerated } from "./schema/generated.mjs";
import { entryPlaceProblem } from "./schema/live.mjs";
import { storyMarkdown } from "./schema/markdown";
import { publicFile, publicImageSize } from "./schema/public-files";
import { authorPath, storyPath } from "./lib/url.mjs";
import { sectionNames } from "./site.config.mjs";

/** Where the content lives; tests and benchmarks point the build at other folders. */
const contentDirPath = process.env.BROADSHEET_CONTENT_DIR ?? "content";

type RawDoc = { _raw: { sourceFilePath: string } };

/** An error that says which file and which field are wrong, and what to do about it. */
function fieldError(doc: RawDoc, field: string, problem: string): Error {
  const file = path.posix.join(contentDirPath, doc._raw.sourceFilePath);
  return new Error(`${file}: field "${field}": ${problem}`);
}

/** One error for several problems, each on its own line naming the file and the field. */
function fieldErrors(doc: RawDoc, problems: [field: string, problem: string][]): Error {
  return new Error(
    problems.map(([field, problem]) => fieldError(doc, field, problem).message).join("\n       "),
  );
}

/**
 * The size limits of schema/limits.mjs, checked first: until a field is within its limit, the
 * other checks do not run (they would quote a megabyte back, or take minutes over 20,000 topics).
 */
function checkLimits(kind: Kind, doc: RawDoc & { body: { raw: string; html: string } }) {
  const problems = limitProblems(kind, doc as never);
  if (problems.length > 0) throw fieldErrors(doc, problems);
}

/** The `limitsChecked` computed field of authors and takedowns: first, like a story's allFieldsChecked. */
function limitsField(kind: Kind) {
  return {
    type: "boolean" as const,
    description: "every field within its size limit (schema/limits.mjs)",
    resolve: (doc: RawDoc & { body: { raw: string; html: string } }) => {
      checkLimits(kind, doc);
      return true;
    },
  };
}

function checked<T>(doc: RawDoc, field: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw fieldError(doc, field, (error as Error).message);
  }
}

const slugOf = (doc: RawDoc) => path.posix.basename(doc._raw.sourceFilePath).replace(/\.mdx?$/, "");

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The `slug` computed field of every document type: its file name, which must be lower-case
 * words joined by hyphens. `alsoCheck` runs with it (a check that must not wait for another field).
 */
function slugField(alsoCheck?: (doc: RawDoc & Record<string, unknown>) => void) {
  return {
    type: "string" as const,
    resolve: (doc: RawDoc & Record<string, unknown>) =>
      checked(doc, "slug", () => {
        const slug = slugOf(doc);
        if (!SLUG.test(slug)) {
          throw new Error(`the file name "${slug}" must be lower-case words joined by hyphens`);
        }
        alsoCheck?.(doc);
        return slug;
      }),
  };
}

/** `contentlayer2 dev` keeps serving the last good content; a build must fail instead. */
const isDev = process.argv.includes("dev");

/**
 * A story that is not a draft may lack `published` where nothing is published: in development,
 * and in `npm run check` (which says the time will be stamped). `npm run publish` stamps it
 * into the file before the build, so the store holds no undated story but a draft (whose
 * publishedAt is then the time it was built: only a preview shows it).
 */
const mayBeUndated = isDev || process.env.BROADSHEET_UNDATED_OK === "1";

function filled(value: unknown, what = "it"): string {
  if (value === undefined || value === null) throw new Error(`is missing; write ${what}`);
  const text = String(value).trim();
  if (text === "") throw new Error(`is empty; write ${what}`);
  if (text.includes(PLACEHOLDER)) throw new Error(`is still a placeholder ("${text}"); write ${what}`);
  return text;
}

/**
 * What to write in each required text field, for its "is missing" or "is empty" message. Every
 * field is optional to Contentlayer and checked here instead: Contentlayer's own "missing
 * required fields" error stops a document before any other check, so an editor would learn of
 * one mistake per try.
 */
const WHAT_TO_WRITE: Record<string, string> = {
  headline: "the story's headline: headline: Talks resume in London",
  standfirst: "one or two sentences under the headline: standfirst: Negotiators meet again on Monday.",
  name: "the author's full name, as bylines show it: name: Jane Doe",
  reason: "why the story was taken down, for the newsroom's record",
};

function nonBlank(doc: RawDoc & Record<string, unknown>, field: string): string {
  return checked(doc, field, () => filled(doc[field], WHAT_TO_WRITE[field]));
}

/** An image under public/: it must exist, and its size is read so the page reserves its space. */
function publicImage(src: string): { width: number; height: number } {
  if (offSite(src) === null && !src.startsWith("/") && publicFile(`/${src}`) !== null) {
    throw new Error(`"${src}" must start with a slash: write /${src}`);
  }
  if (publicFile(src) === null) {
    throw new Error(
      `"${src}" is not a file under public/; put the image there and write its path, like /images/2025/talks.jpg`,
    );
  }
  const size = publicImageSize(src);
  if (size === null) throw new Error(`"${src}" is not an image whose size can be read`);
  return size;
}

/**
 * `published`, checked and normalised to UTC, once per document: several fields depend on it.
 * (Keyed by file and value, so that an edited file in `contentlayer2 dev` is parsed afresh.)
 */
const parsedPublished = new Map<string, string>();
function publishedOf(doc: RawDoc & { published?: string | null; draft?: boolean }): string {
  const key = `${doc._raw.sourceFilePath}\u0000${doc.published}`;
  let value = parsedPublished.get(key);
  if (value === undefined) {
    value = checked(doc, "published", () => {
      // Not dated yet: `npm run publish` writes the time into the file when the story goes live.
      // An empty `published:` line is read as null: the same as leaving it out.
      const undated = doc.published === undefined || doc.published === null;
      if (undated && (doc.draft || mayBeUndated)) return new Date().toISOString();
      if (undated) {
        throw new Error(
          `is missing; npm run publish writes it when the story goes live, or write one to schedule the story: published: ${DATE_TIME_EXAMPLE}`,
        );
      }
      return parseDateTime(doc.published);
    });
    parsedPublished.set(key, value);
  }
  return value;
}

/**
 * A story's authors: `author: jane-doe` for one, `authors: [jane-doe, sam-lee]` for several (a
 * story written before co-bylines stays valid). Every slug must name a file in authors/.
 */
function authorSlugsOf(
  doc: RawDoc & { author?: string | null; authors?: Iterable<string> | null },
): string[] {
  // An empty `authors:` or `author:` line is read as null: the same as leaving it out.
  const given = { author: doc.author ?? undefined, authors: doc.authors ?? undefined };
  const field = given.authors !== undefined ? "authors" : "author";
  return checked(doc, field, () => {
    if (given.author !== undefined && given.authors !== undefined) {
      throw new Error(
        "the story has both author and authors; keep one: author: jane-doe for one author, authors: [jane-doe, sam-lee] for several",
      );
    }
    if (given.author === undefined && given.authors === undefined) {
      throw new Error(
        "is missing; name who wrote the story: author: jane-doe (the name of their file in content/authors without .md), or authors: [jane-doe, sam-lee] for several",
      );
    }
    const slugs =
      given.authors !== undefined
        ? Array.from(given.authors, (s) => String(s ?? "").trim())
        : [filled(given.author, "the author's slug")];
    if (slugs.length === 0) throw new Error("is an empty list; name at least one author");
    const authors = path.join(contentDirPath, "authors");
    const unknown = slugs.filter((s) => !SLUG.test(s) || !existsSync(path.join(authors, `${s}.md`)));
    if (unknown.length > 0) {
      const known = existsSync(authors)
        ? readdirSync(authors)
            .filter((f) => f.endsWith(".md"))
            .map((f) => f.slice(0, -3))
        : [];
      // "Jane Doe" for jane-doe: the name rather than the file's name.
      const meant = unknown.map((s) => slugify(s)).filter((s) => known.includes(s));
      if (meant.length === unknown.length) {
        throw new Error(
          `${unknown.map((s) => `no author "${s}"`).join(", ")}; write the name of the author's file in content/authors without .md: ${meant.join(", ")}`,
        );
      }
      throw new Error(
        `${unknown.map((s) => `no author "${s}"`).join(", ")}; add ${unknown.map((s) => `${contentDirPath}/authors/${s || "<slug>"}.md`).join(" and ")} or use one of: ${known.join(", ")}`,
      );
    }
    const repeated = slugs.filter((s, i) => slugs.indexOf(s) !== i);
    if (repeated.length > 0) throw new Error(`names "${repeated[0]}" twice; list each author once`);
    return slugs;
  });
}

/**
 * Every rule of a story's body, for a story and a live entry alike: not empty (comments are not
 * text: a body of nothing but <!-- TODO --> is empty), headings in order; then what the
 * sanitiser let through (the images' hosts, the numbers of images and headings) and the figures
 * and blocks (:::pullquote, :::factbox), by their line in the file. Returns the headings.
 */
function checkedBody(
  doc: RawDoc & { body: { raw: string; html: string } },
  kind: "story" | "entry",
  what: string,
) {
  const tree = fromHtml(doc.body.html, { fragment: true });
  const headings = checked(doc, "body", () => {
    filled(doc.body.raw.replace(/<!--[\s\S]*?(-->|$)/g, ""), what);
    checkHeadingLevels(doc.body.raw);
    return extractHeadings(tree);
  });
  const problems = storyBodyProblems(doc.body.html, doc.body.raw, tree);
  if (notRendered(doc.body.html, doc.body.raw, kind).length === 0) {
    problems.push(...bodyBlockProblems(doc.body.raw, firstLineOfBody(doc)));
  }
  if (problems.length > 0)
    throw fieldErrors(
      doc,
      problems.map((p) => ["body", p] as [string, string]),
    );
  return headings;
}

/** The body's embed cards (schema/embeds.mjs), for a story and a live entry alike. */
const embedsField = {
  type: "json" as const,
  description: "the body's embed cards (schema/embeds.mjs), in order; embed code in the body fails",
  resolve: (doc: RawDoc & { body: { raw: string; html: string } }) => {
    const { embeds, problems } = storyEmbeds(doc.body.html, doc.body.raw);
    if (problems.length > 0)
      throw fieldErrors(
        doc,
        problems.map((p) => ["body", p] as [string, string]),
      );
    return embeds;
  },
};

const Correction = defineNestedType(() => ({
  name: "Correction",
  fields: {
    date: { type: "string", required: true, description: "When, ISO 8601 with time zone" },
    kind: {
      type: "enum",
      options: ["correction", "update"],
      required: true,
      description: "correction or update",
    },
    text: { type: "string", required: true, description: "What was wrong, or what changed" },
  },
}));

const LeadImage = defineNestedType(() => ({
  name: "LeadImage",
  fields: {
    src: { type: "string", required: false, description: "Path under public/, e.g. /images/2025/talks.jpg" },
    alt: {
      type: "string",
      required: false,
      description: "What the image shows, for readers who cannot see it",
    },
    caption: { type: "string", required: false, description: "The caption printed under the image" },
    credit: { type: "string", required: false, description: "Who made the image, e.g. Jane Doe/Agency" },
  },
}));

export const Author = defineDocumentType(() => ({
  name: "Author",
  filePathPattern: "authors/*.md",
  contentType: "markdown",
  fields: {
    name: { type: "string", required: false, description: "Full name, as it appears in bylines" },
    role: { type: "string", required: false, description: "Job title, e.g. Trade correspondent" },
    bio: { type: "string", required: false, description: "One or two sentences about the author" },
    picture: {
      type: "string",
      required: false,
      description: "Path under public/, e.g. /authors/jane-doe.jpg",
    },
    links: {
      type: "list",
      of: { type: "string" },
      required: false,
      description: "Absolute URLs of the author's profiles elsewhere",
    },
  },
  computedFields: {
    // First: no other check runs on a field over its size limit.
    limitsChecked: limitsField("author"),
    slug: slugField((doc) => nonBlank(doc, "name")),
    url: { type: "string", resolve: (doc) => authorPath(slugOf(doc)) },
    checkedLinks: {
      type: "list",
      of: { type: "string" },
      description: "links, each an absolute http(s) URL",
      resolve: (doc) =>
        checked(doc, "links", () =>
          Array.from((doc.links ?? []) as Iterable<string>, (link) => {
            let url: URL;
            try {
              url = new URL(link);
            } catch {
              throw new Error(`"${link}" is not a URL; write it in full, like https://example.org/you`);
            }
            if (url.protocol !== "https:" && url.protocol !== "http:") {
              throw new Error(`"${link}" is not a web address (http or https)`);
            }
            return url.toString();
          }),
        ),
    },
    pictureChecked: {
      type: "boolean",
      description: "whether picture names a file that exists under public/",
      resolve: (doc) =>
        checked(doc, "picture", () => {
          if (doc.picture === undefined) return false;
          if (
            offSite(doc.picture) !== null ||
            !doc.picture.startsWith("/") ||
            !existsSync(path.join("public", doc.picture))
          ) {
            throw new Error(
              `"${doc.picture}" is not a file under public/; put the image there and write its path, like /authors/jane-doe.jpg`,
            );
          }
          return true;
        }),
    },
  },
}));

/**
 * Runs every check of a document and fails with all their messages at once (each already names
 * its file and field), so that an editor sees every problem in one go, not one per build.
 */
function everyCheck(checks: (() => unknown)[]): true {
  const problems: string[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new Error([...new Set(problems)].join("\n       "));
  return true;
}

export const Story = defineDocumentType(() => ({
  name: "Story",
  filePathPattern: "stories/**/*.md",
  contentType: "markdown",
  fields: {
    headline: { type: "string", required: false, description: "The story's headline" },
    standfirst: {
      type: "string",
      required: false,
      description: "One or two sentences under the headline; states nothing the story does not",
    },
    published: {
      type: "string",
      required: false,
      description: "First publication, ISO 8601 with time zone: 2025-06-07T12:00:00+01:00",
    },
    updated: {
      type: "string",
      required: false,
      description: "Last substantive update, same form as published",
    },
    author: {
      type: "string",
      required: false,
      description:
        "The author's slug: the name of their file in content/authors without .md (or authors, for several)",
    },
    authors: {
      type: "list",
      of: { type: "string" },
      required: false,
      description: "The authors' slugs in byline order, for a story with several authors (instead of author)",
    },
    section: {
      type: "enum",
      options: sectionNames,
      required: false,
      description: `One of: ${sectionNames.join(", ")}`,
    },
    topics: {
      type: "list",
      of: { type: "string" },
      required: false,
      description: "What the story is about, e.g. [Trade, Tariffs]",
    },
    draft: {
      type: "boolean",
      required: false,
      default: false,
      description: "true: shown in development with a Draft banner, absent from production builds",
    },
    corrections: {
      type: "list",
      of: Correction,
      required: false,
      description: "Dated corrections and updates, oldest first; add entries, never change or remove them",
    },
    live: {
      type: "boolean",
      required: false,
      default: false,
      description: "true: live coverage, a page of timestamped entries from content/live/<slug>/",
    },
    coverageEnd: {
      type: "string",
      required: false,
      description:
        "When live coverage ended, ISO 8601 with time zone: the page then reads as an ordinary story",
    },
    image: {
      type: "nested",
      of: LeadImage,
      required: false,
      description: "The lead image: src, alt, caption and credit, all four",
    },
  },
  computedFields: {
    // First, so that an editor sees every problem of a story at once, not one per build: the
    // fields below check themselves too, but the first error of a document stops Contentlayer.
    allFieldsChecked: {
      type: "boolean",
      resolve: (doc) => {
        checkLimits("story", doc);
        const fields = Story.def().computedFields!;
        return everyCheck([
          ...["headline", "standfirst"].map((field) => () => nonBlank(doc, field)),
          () => publishedOf(doc),
          ...[
            fields.modifiedAt,
            fields.sectionName,
            fields.authorSlugs,
            fields.topicRefs,
            fields.headings,
            fields.leadImage,
            fields.embeds,
            fields.coverageEndAt,
          ].map((field) => () => field.resolve(doc as never)),
        ]);
      },
    },
    slug: slugField(),
    url: { type: "string", resolve: (doc) => storyPath(slugOf(doc)) },
    authorSlugs: {
      type: "json",
      description:
        "author, or authors, as a list in byline order, each checked against the files in authors/",
      resolve: (doc) => authorSlugsOf(doc),
    },
    publishedAt: {
      type: "string",
      description: "published, validated and normalised to UTC",
      resolve: (doc) => publishedOf(doc),
    },
    modifiedAt: {
      type: "string",
      description: "the latest of published, updated and the newest correction or update, in UTC",
      resolve: (doc) => {
        const published = publishedOf(doc);
        const updated = checked(doc, "updated", () => {
          if (doc.updated === undefined) return published;
          if (doc.published === undefined) {
            throw new Error(
              "is set, but the story has no published time yet; remove updated until it has been published",
            );
          }
          const value = parseDateTime(doc.updated);
          if (value < published) {
            throw new Error(`"${doc.updated}" is before the story was published (${doc.published})`);
          }
          return value;
        });
        const log = correctionLog(doc, published);
        return [updated, ...log.map((c) => c.date)].sort().at(-1)!;
      },
    },
    correctionLog: {
      type: "json",
      description: "corrections and updates, validated, dates in UTC, newest first",
      resolve: (doc) => correctionLog(doc, publishedOf(doc)),
    },
    leadImage: {
      type: "json",
      description: "the lead image with its pixel size, or null",
      resolve: (doc) => {
        if (doc.image === undefined) return null;
        const image = doc.image as unknown as Record<string, string | undefined>;
        // Every problem of the image at once, each naming its field (image.alt, image.src, …).
        const problems: [string, string][] = [];
        const part = <T>(field: string, check: () => T): T | undefined => {
          try {
            return check();
          } catch (error) {
            problems.push([`image.${field}`, (error as Error).message]);
            return undefined;
          }
        };
        const alt = part("alt", () => filled(image.alt, "what the image shows"));
        const caption = part("caption", () => filled(image.caption, "a caption"));
        const credit = part("credit", () => filled(image.credit, "who made it"));
        const size = part("src", () => publicImage(filled(image.src, "its path")));
        if (problems.length > 0) throw fieldErrors(doc, problems);
        return { src: image.src, alt, caption, credit, ...size };
      },
    },
    embeds: embedsField,
    coverageEndAt: {
      type: "string",
      description: "coverageEnd, validated and in UTC, or empty: live coverage that has not ended",
      resolve: (doc) =>
        checked(doc, "coverageEnd", () => {
          if (doc.coverageEnd === undefined || doc.coverageEnd === null) return "";
          if (!doc.live) throw new Error("is set on a story that is not live; remove it, or add live: true");
          const end = parseDateTime(doc.coverageEnd);
          if (end > new Date().toISOString()) {
            throw new Error(
              `${doc.coverageEnd} is in the future; write the time coverage ended, when it ends`,
            );
          }
          return end;
        }),
    },
    sectionName: {
      type: "string",
      description: "section, checked against the list in site.config.mjs",
      resolve: (doc) =>
        checked(doc, "section", () => {
          filled(doc.section, `one of: ${sectionNames.join(", ")}`);
          // Contentlayer declares enum options but does not enforce them.
          if (!(sectionNames as (string | undefined)[]).includes(doc.section)) {
            const meant = sectionNames.find(
              (name) => name.toLowerCase() === doc.section!.trim().toLowerCase(),
            );
            throw new Error(
              meant
                ? `${quoted(doc.section)} is not a section; sections are written with a capital: section: ${meant}`
                : `${quoted(doc.section)} is not a section; use one of: ${sectionNames.join(", ")}`,
            );
          }
          return doc.section;
        }),
    },
    topicRefs: {
      type: "json",
      description: "topics, trimmed, with the slug of each topic's page",
      resolve: (doc) =>
        checked(doc, "topics", () => {
          if (doc.topics === undefined) {
            throw new Error(
              "is missing; list what the story is about, one per line under topics:, like  - Trade",
            );
          }
          // Contentlayer hands list fields to computed fields as an iterable, not an Array.
          const topics = Array.from(doc.topics as Iterable<string>, (t) => t.trim().replace(/\s+/g, " "));
          if (topics.length === 0) throw new Error("give the story at least one topic");
          if (topics.some((t) => t === "")) throw new Error("a topic is empty");
          if (topics.some((t) => t.includes(PLACEHOLDER))) throw new Error("a topic is still a placeholder");
          const refs = new Map<string, { name: string; slug: string }>();
          for (const name of topics) {
            const slug = slugify(name);
            if (slug === "") throw new Error(`"${name}" has no letters or digits to make a topic page from`);
            if (!refs.has(slug)) refs.set(slug, { name, slug });
          }
          return [...refs.values()];
        }),
    },
    readingMinutes: {
      type: "number",
      resolve: (doc) => Math.max(1, Math.round(readingTime(doc.body.raw).minutes)),
    },
    text: {
      type: "string",
      description: "The body as plain text, for search and result snippets",
      resolve: (doc) => plainText(doc.body.raw),
    },
    headings: {
      type: "json",
      description: "The body's h2 and h3 headings with their ids, for the table of contents",
      resolve: (doc) => checkedBody(doc, "story", "the story"),
    },
  },
}));

/** The line of the file on which the body starts (after the front matter), for messages. */
function firstLineOfBody(doc: RawDoc & { body: { raw: string } }): number {
  const file = path.join(contentDirPath, doc._raw.sourceFilePath);
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (!text.endsWith(doc.body.raw)) return 1;
  return text.slice(0, text.length - doc.body.raw.length).split("\n").length;
}

/**
 * One entry of a live story: content/live/<story slug>/<entry>.md, its file name the entry's id
 * (its permalink, #entry-<id>). `npm run live -- <slug> "Title"` starts one. Its body is a
 * story's body, with every rule of the check.
 */
export const LiveEntry = defineDocumentType(() => ({
  name: "LiveEntry",
  filePathPattern: "live/*/*.md",
  contentType: "markdown",
  fields: {
    time: {
      type: "string",
      required: false,
      description: "When the entry was posted, ISO 8601 with time zone; npm run live writes it",
    },
    title: { type: "string", required: false, description: "An optional title, shown above the entry" },
    key: {
      type: "boolean",
      required: false,
      default: false,
      description: "true: a key event, listed at the top",
    },
    pinned: {
      type: "boolean",
      required: false,
      default: false,
      description: "true: shown first, above the newest",
    },
  },
  computedFields: {
    // Every problem of an entry at once, as for a story.
    allFieldsChecked: {
      type: "boolean",
      resolve: (doc) => {
        checkLimits("entry", doc);
        const fields = LiveEntry.def().computedFields!;
        return everyCheck(
          [fields.timeAt, fields.entryBody, fields.embeds].map((field) => () => field.resolve(doc as never)),
        );
      },
    },
    slug: slugField(),
    storySlug: {
      type: "string",
      description: "the live story this entry belongs to: the name of its folder",
      resolve: (doc) => path.posix.basename(path.posix.dirname(doc._raw.sourceFilePath)),
    },
    timeAt: {
      type: "string",
      description: "time, validated, in UTC; not in the future",
      resolve: (doc) =>
        checked(doc, "time", () => {
          if (doc.time === undefined || doc.time === null) {
            throw new Error(`is missing; write when the entry was posted: time: ${DATE_TIME_EXAMPLE}`);
          }
          const time = parseDateTime(doc.time);
          if (time > new Date().toISOString()) {
            throw new Error(`${doc.time} is in the future; an entry is dated when it is posted`);
          }
          return time;
        }),
    },
    entryBody: {
      type: "boolean",
      description: "the body passes every rule of a story's body",
      resolve: (doc) => Boolean(checkedBody(doc, "entry", "the entry")),
    },
    embeds: embedsField,
  },
}));

/**
 * A story taken down (for legal reasons, say): its page answers 410 Gone and it is left out of
 * everything. `npm run takedown -- <slug>` deletes the story's file and writes this one.
 */
export const Takedown = defineDocumentType(() => ({
  name: "Takedown",
  filePathPattern: "takedowns/*.md",
  contentType: "markdown",
  fields: {
    removed: {
      type: "string",
      required: true,
      description: "When the story was taken down, ISO 8601 with time zone",
    },
    reason: {
      type: "string",
      required: true,
      description: "Why, for the newsroom's record; never shown to readers",
    },
  },
  computedFields: {
    // First: no other check runs on a field over its size limit.
    limitsChecked: limitsField("takedown"),
    // The file is named after the story taken down.
    slug: slugField((doc) => nonBlank(doc, "reason")),
    removedAt: {
      type: "string",
      description: "removed, validated and normalised to UTC",
      resolve: (doc) => checked(doc, "removed", () => parseDateTime(doc.removed)),
    },
  },
}));

type Entry = { date: string; kind: "correction" | "update"; text: string };

function correctionLog(doc: RawDoc & { corrections?: unknown }, published: string): Entry[] {
  return checked(doc, "corrections", () =>
    Array.from((doc.corrections ?? []) as Iterable<Record<string, string>>, (entry, i) => {
      const where = `entry ${i + 1}`;
      let date: string;
      try {
        date = parseDateTime(entry.date);
      } catch (error) {
        throw new Error(`${where}: date ${(error as Error).message}`);
      }
      if (date < published) throw new Error(`${where}: ${entry.date} is before the story was published`);
      if (date > new Date().toISOString()) {
        throw new Error(`${where}: ${entry.date} is in the future; date an entry when it is made`);
      }
      if (entry.kind !== "correction" && entry.kind !== "update") {
        throw new Error(`${where}: kind ${quoted(entry.kind)} must be correction or update`);
      }
      const text = (() => {
        try {
          return filled(entry.text, "what was corrected or updated");
        } catch (error) {
          throw new Error(`${where}: text ${(error as Error).message}`);
        }
      })();
      return { date, kind: entry.kind, text } as Entry;
    }).sort((a, b) => b.date.localeCompare(a.date)),
  );
}

export default makeSource({
  contentDirPath,
  documentTypes: [Story, Author, Takedown, LiveEntry],
  markdown: storyMarkdown,
  // The tsconfig `paths` entry maps contentlayer/generated; no baseUrl is needed.
  disableImportAliasWarning: true,
  onUnknownDocuments: "fail",
  onExtraFieldData: "fail",
  onMissingOrIncompatibleData: "fail",
  // Checks across documents and files, which a single document's computed fields cannot see.
  onSuccess: async () => {
    // Read what was just generated from disk: importData() would return the module cached at the
    // first run of `contentlayer2 dev`, so a later mistake would go unseen.
    const read = (type: string) => readGenerated(process.cwd(), type);
    const stories: GeneratedStory[] = read("Story");
    const problems = [
      ...strayFiles(),
      ...duplicateSlugs(stories),
      ...duplicateStories(stories),
      ...entriesWithoutLiveStory(stories, read("LiveEntry")),
    ];
    if (problems.length > 0) {
      console.error(`Error: invalid content\n${problems.map((p) => `  • ${p}`).join("\n")}`);
      // A thrown error here is printed as a wall of internals; say it plainly and fail the build.
      if (!isDev) process.exit(1);
    }
  },
});

type GeneratedStory = { slug: string; body: { raw: string }; _raw: { sourceFilePath: string } };

/** Contentlayer silently ignores files that are not .md, .mdx, .json or .yaml: we do not. */
function strayFiles(): string[] {
  const problems: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(contentDirPath, dir), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (
        /^(stories\/(.+\/)?|authors\/|takedowns\/|live\/[^/]+\/)[^/]+\.(mdx|markdown|mdown|mkd)$/i.test(rel)
      ) {
        // Markdown in the right folder with another extension (.mdx, .markdown).
        const ext = /\.[^.]+$/.exec(entry.name)![0];
        const renamed = path.posix.join(contentDirPath, dir, entry.name.slice(0, -ext.length) + ".md");
        problems.push(
          `${path.posix.join(contentDirPath, rel)}: has the extension "${ext}"; stories, authors and takedowns are Markdown files ending in .md: rename it to ${renamed}`,
        );
      } else if (
        !/^(stories\/(.+\/)?[^/]+|authors\/[^/]+|takedowns\/[^/]+|live\/[^/]+\/[^/]+)\.md$/.test(rel)
      ) {
        problems.push(
          `${path.posix.join(contentDirPath, rel)}: is neither a story (stories/*.md), an author (authors/*.md), a takedown (takedowns/*.md) nor a live entry (live/<story>/*.md); rename or move it`,
        );
      }
    }
  };
  walk("");
  return problems;
}

/**
 * A story copied to a second file (to start a follow-up, say, and then forgotten) would be
 * published twice, under two addresses. Two stories with the same body text are refused; a body
 * too short to tell (under 200 characters) is left alone.
 */
function duplicateStories(stories: GeneratedStory[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const byPath = [...stories].sort((a, b) => a._raw.sourceFilePath.localeCompare(b._raw.sourceFilePath));
  for (const story of byPath) {
    const text = story.body.raw.replace(/\s+/g, " ").trim();
    if (text.length < 200) continue;
    const file = path.posix.join(contentDirPath, story._raw.sourceFilePath);
    const other = seen.get(text);
    if (other) {
      problems.push(
        `${file}: field "body": the same text as ${other}; a story in two files is published twice: delete one, or write the new story's own text`,
      );
    } else {
      seen.set(text, file);
    }
  }
  return problems;
}

/**
 * Every live entry belongs to a live story: its folder is named after one. (`npm run publish`
 * checks the same against the whole archive, where it publishes only what changed.)
 */
function entriesWithoutLiveStory(
  stories: { slug: string; live?: boolean }[],
  entries: { storySlug: string; _raw: { sourceFilePath: string } }[],
): string[] {
  const bySlug = new Map(stories.map((a) => [a.slug, a]));
  return entries.flatMap((entry) => {
    const file = path.posix.join(contentDirPath, entry._raw.sourceFilePath);
    return entryPlaceProblem(file, entry.storySlug, bySlug.get(entry.storySlug)) ?? [];
  });
}

function duplicateSlugs(stories: GeneratedStory[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const byPath = [...stories].sort((a, b) => a._raw.sourceFilePath.localeCompare(b._raw.sourceFilePath));
  for (const story of byPath) {
    const file = path.posix.join(contentDirPath, story._raw.sourceFilePath);
    const other = seen.get(story.slug);
    if (other) {
      problems.push(
        `${file}: field "slug": "${story.slug}" is also the slug of ${other}; rename one of the files`,
      );
    } else {
      seen.set(story.slug, file);
    }
  }
  return problems;
}
