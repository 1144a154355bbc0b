/**
 * The content schema: the contract every story and author file must meet.
 *
 * Contentlayer checks field presence and types. What it does not check (real dates, the
 * section list, that an author exists, unique slugs) is checked here too, in computed fields
 * and in `onSuccess`, and every failure names the file and the field. With the three "fail"
 * flags below, any problem fails the build; nothing is skipped with a warning.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { defineDocumentType, makeSource } from "contentlayer2/source-files";
import { slug as slugify } from "github-slugger";
import readingTime from "reading-time";
import { parseDateTime } from "./schema/dates";
import { extractHeadings, plainText } from "./schema/headings";
import { buildSearchIndex, SEARCH_INDEX_FILE } from "./schema/search";
import { storyMarkdown } from "./schema/markdown";
import { sectionNames } from "./site.config";

/** Where the content lives; tests and benchmarks point the build at other folders. */
const contentDirPath = process.env.BROADSHEET_CONTENT_DIR ?? "content";

type RawDoc = { _raw: { sourceFilePath: string } };

/** An error that says which file and which field are wrong, and what to do about it. */
function fieldError(doc: RawDoc, field: string, problem: string): Error {
  const file = path.posix.join(contentDirPath, doc._raw.sourceFilePath);
  return new Error(`${file}: field "${field}": ${problem}`);
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

export const Author = defineDocumentType(() => ({
  name: "Author",
  filePathPattern: "authors/*.md",
  contentType: "markdown",
  fields: {
    name: { type: "string", required: true, description: "Full name, as it appears in bylines" },
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
    slug: {
      type: "string",
      resolve: (doc) =>
        checked(doc, "slug", () => {
          const slug = slugOf(doc);
          if (!SLUG.test(slug)) {
            throw new Error(`the file name "${slug}" must be lower-case words joined by hyphens`);
          }
          return slug;
        }),
    },
    url: { type: "string", resolve: (doc) => `/authors/${slugOf(doc)}` },
  },
}));

export const Article = defineDocumentType(() => ({
  name: "Article",
  filePathPattern: "stories/**/*.md",
  contentType: "markdown",
  fields: {
    headline: { type: "string", required: true, description: "The story's headline" },
    standfirst: {
      type: "string",
      required: true,
      description: "One or two sentences under the headline; states nothing the story does not",
    },
    published: {
      type: "string",
      required: true,
      description: "First publication, ISO 8601 with time zone: 2025-06-07T12:00:00+01:00",
    },
    updated: {
      type: "string",
      required: false,
      description: "Last substantive update, same form as published",
    },
    author: {
      type: "string",
      required: true,
      description: "The author's slug: the name of their file in content/authors without .md",
    },
    section: {
      type: "enum",
      options: sectionNames,
      required: true,
      description: `One of: ${sectionNames.join(", ")}`,
    },
    topics: {
      type: "list",
      of: { type: "string" },
      required: true,
      description: "What the story is about, e.g. [Trade, Tariffs]",
    },
  },
  computedFields: {
    slug: {
      type: "string",
      resolve: (doc) =>
        checked(doc, "slug", () => {
          const slug = slugOf(doc);
          if (!SLUG.test(slug)) {
            throw new Error(`the file name "${slug}" must be lower-case words joined by hyphens`);
          }
          return slug;
        }),
    },
    url: { type: "string", resolve: (doc) => `/stories/${slugOf(doc)}` },
    publishedAt: {
      type: "string",
      description: "published, validated and normalised to UTC",
      resolve: (doc) => checked(doc, "published", () => parseDateTime(doc.published)),
    },
    modifiedAt: {
      type: "string",
      description: "updated (or, when never updated, published), validated and normalised to UTC",
      resolve: (doc) =>
        checked(doc, "updated", () => {
          const published = parseDateTime(doc.published);
          if (doc.updated === undefined) return published;
          const updated = parseDateTime(doc.updated);
          if (updated < published) {
            throw new Error(`"${doc.updated}" is before the story was published (${doc.published})`);
          }
          return updated;
        }),
    },
    sectionName: {
      type: "string",
      description: "section, checked against the list in site.config.ts",
      resolve: (doc) =>
        checked(doc, "section", () => {
          // Contentlayer declares enum options but does not enforce them.
          if (!(sectionNames as string[]).includes(doc.section)) {
            throw new Error(`"${doc.section}" is not a section; use one of: ${sectionNames.join(", ")}`);
          }
          return doc.section;
        }),
    },
    topicRefs: {
      type: "json",
      description: "topics, trimmed, with the slug of each topic's page",
      resolve: (doc) =>
        checked(doc, "topics", () => {
          // Contentlayer hands list fields to computed fields as an iterable, not an Array.
          const topics = Array.from(doc.topics as Iterable<string>, (t) => t.trim().replace(/\s+/g, " "));
          if (topics.length === 0) throw new Error("give the story at least one topic");
          if (topics.some((t) => t === "")) throw new Error("a topic is empty");
          return topics.map((name) => ({ name, slug: slugify(name) }));
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
      resolve: (doc) => checked(doc, "body", () => extractHeadings(doc.body.raw)),
    },
  },
}));

export default makeSource({
  contentDirPath,
  documentTypes: [Article, Author],
  markdown: storyMarkdown,
  // The tsconfig `paths` entry maps contentlayer/generated; no baseUrl is needed.
  disableImportAliasWarning: true,
  onUnknownDocuments: "fail",
  onExtraFieldData: "fail",
  onMissingOrIncompatibleData: "fail",
  // Checks across documents, which a single document's computed fields cannot see.
  onSuccess: async (importData) => {
    let data: Awaited<ReturnType<typeof importData>>;
    try {
      data = await importData();
    } catch {
      return; // Generation itself failed; Contentlayer has already reported why and exits 1.
    }
    const problems = crossDocumentProblems(data.allArticles, data.allAuthors);
    if (problems.length > 0) {
      // A thrown error here is printed as a wall of internals; say it plainly and fail.
      console.error(`Error: invalid content\n${problems.map((p) => `  • ${p}`).join("\n")}`);
      process.exit(1);
    }
    // The search index is made here, once per content build (and on every change in dev).
    const index = buildSearchIndex(
      data.allArticles.map((a) => ({
        slug: a.slug,
        headline: a.headline,
        standfirst: a.standfirst,
        topics: a.topics.join(" "),
        text: a.text,
      })),
    );
    writeFileSync(path.join(process.cwd(), ".contentlayer", SEARCH_INDEX_FILE), index);
  },
});

type Generated = { slug: string; _raw: { sourceFilePath: string } };

function crossDocumentProblems(articles: (Generated & { author: string })[], authors: Generated[]): string[] {
  const problems: string[] = [];
  const fileOf = (doc: Generated) => path.posix.join(contentDirPath, doc._raw.sourceFilePath);
  const authorSlugs = new Set(authors.map((a) => a.slug));
  const seen = new Map<string, string>();
  for (const article of articles) {
    const file = fileOf(article);
    if (!authorSlugs.has(article.author)) {
      problems.push(
        `${file}: field "author": no author "${article.author}"; add ${contentDirPath}/authors/${article.author}.md or use one of: ${[...authorSlugs].join(", ")}`,
      );
    }
    const other = seen.get(article.slug);
    if (other) {
      problems.push(
        `${file}: field "slug": "${article.slug}" is also the slug of ${other}; rename one of the files`,
      );
    } else {
      seen.set(article.slug, file);
    }
  }
  return problems;
}
