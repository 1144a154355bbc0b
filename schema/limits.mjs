// @ts-check
/**
 * How big each field of a content file may be: the one place these numbers are written.
 *
 * A field over its limit fails the content build, and with it `npm run build`, `npm run publish`
 * and `npm run check` (all three run the same build: contentlayer.config.ts), with a message
 * naming the file, the field, the limit and the actual size. Without limits, a 1 MB headline or
 * 20,000 topics would pass and reach every page, feed and search index that shows the story.
 * The editors' guide's table of limits (docs/editing.md, Size limits) is made from `limitRows` below (tests/content/limits.test.ts
 * keeps the two the same), and `npm run check`'s warnings read `ADVICE` from here too.
 *
 * Plain JavaScript importing only the site config, so that the schema (TypeScript), the scripts
 * (plain Node) and the tests can all read it.
 */
import { site } from "../site.config.mjs";

/** A file name (its slug): it is the story's or author's address. Also the `author` field. */
const SLUG = 100;
/** An ISO 8601 date-time is at most 29 characters; a little room for spaces around it. */
const DATE = 40;
/** A path under public/: the lead image's `src` and the author's `picture`. */
const IMAGE_PATH = 200;
/** Authors' and takedowns' files have a body the site never shows; it is kept small. */
const UNSHOWN_BODY = 20_000;

/**
 * @typedef {"story" | "author" | "takedown" | "entry"} Kind
 * @typedef {{
 *   kind: Kind;
 *   field: string;          // the front-matter field ("image.alt": a field of a nested one), or "slug", or "body"
 *   each?: string;          // set: the limit is on each item of the list (its name, e.g. "topic")
 *   part?: string;          // set: on this field of each item (corrections: "text")
 *   max: number;
 *   unit: string;           // "characters" (Unicode code points), "bytes" (UTF-8), or what a list counts
 *   rendered?: boolean;     // measured on the rendered body (schema/body.ts), not on the front matter
 * }} Limit
 */

/** @type {readonly Limit[]} */
export const limitRows = [
  { kind: "story", field: "slug", max: SLUG, unit: "characters" },
  { kind: "story", field: "headline", max: 200, unit: "characters" },
  { kind: "story", field: "standfirst", max: 600, unit: "characters" },
  { kind: "story", field: "published", max: DATE, unit: "characters" },
  { kind: "story", field: "updated", max: DATE, unit: "characters" },
  { kind: "story", field: "author", max: SLUG, unit: "characters" },
  { kind: "story", field: "authors", max: 10, unit: "authors" },
  { kind: "story", field: "authors", each: "author", max: SLUG, unit: "characters" },
  { kind: "story", field: "topics", max: 10, unit: "topics" },
  { kind: "story", field: "topics", each: "topic", max: 50, unit: "characters" },
  { kind: "story", field: "corrections", max: 30, unit: "entries" },
  { kind: "story", field: "corrections", each: "entry", part: "date", max: DATE, unit: "characters" },
  { kind: "story", field: "corrections", each: "entry", part: "text", max: 1_000, unit: "characters" },
  { kind: "story", field: "image.src", max: IMAGE_PATH, unit: "characters" },
  { kind: "story", field: "image.alt", max: 250, unit: "characters" },
  { kind: "story", field: "image.caption", max: 500, unit: "characters" },
  { kind: "story", field: "image.credit", max: 150, unit: "characters" },
  { kind: "story", field: "body", max: 150_000, unit: "bytes" },
  { kind: "story", field: "body", max: 30, unit: "images", rendered: true },
  { kind: "story", field: "body", max: 50, unit: "headings", rendered: true },
  { kind: "story", field: "body", each: "heading", max: 150, unit: "characters", rendered: true },
  { kind: "author", field: "slug", max: SLUG, unit: "characters" },
  { kind: "author", field: "name", max: 100, unit: "characters" },
  { kind: "author", field: "role", max: 100, unit: "characters" },
  { kind: "author", field: "bio", max: 500, unit: "characters" },
  { kind: "author", field: "picture", max: IMAGE_PATH, unit: "characters" },
  { kind: "author", field: "links", max: 10, unit: "links" },
  { kind: "author", field: "links", each: "link", max: 500, unit: "characters" },
  { kind: "author", field: "body", max: UNSHOWN_BODY, unit: "bytes" },
  { kind: "takedown", field: "slug", max: SLUG, unit: "characters" },
  { kind: "takedown", field: "removed", max: DATE, unit: "characters" },
  { kind: "takedown", field: "reason", max: 2_000, unit: "characters" },
  { kind: "takedown", field: "body", max: UNSHOWN_BODY, unit: "bytes" },
  // A live story's entry (content/live/<slug>/<entry>.md): short, posted through the day.
  { kind: "entry", field: "slug", max: SLUG, unit: "characters" },
  { kind: "entry", field: "time", max: DATE, unit: "characters" },
  { kind: "entry", field: "title", max: 200, unit: "characters" },
  { kind: "entry", field: "body", max: 20_000, unit: "bytes" },
];

/**
 * The one limit of a kind of file on a field (and, for a list, on each item or a part of one).
 *
 * @param {Kind} kind
 * @param {string} field
 * @param {{ each?: boolean; part?: string; unit?: string }} [which]
 */
export function limitOf(kind, field, which = {}) {
  const row = limitRows.find(
    (r) =>
      r.kind === kind &&
      r.field === field &&
      Boolean(r.each) === Boolean(which.each || which.part) &&
      r.part === which.part &&
      (which.unit === undefined || r.unit === which.unit),
  );
  if (!row) throw new Error(`no limit on ${kind} field "${field}" ${JSON.stringify(which)}`);
  return row.max;
}

/**
 * Soft limits: `npm run check` warns past them, the build does not fail. Each is under the hard
 * limit of its field above.
 */
export const ADVICE = {
  /** Search engines show about this many characters of a title. */
  headlineCharacters: 110,
  standfirstCharacters: 300,
  /** A story this long should have section headings to find one's way in. */
  wordsWithoutHeading: 600,
  /** A story scheduled further ahead than this is more likely a typo (2062 for 2026). */
  scheduledDaysAhead: 60,
};

/**
 * The rendered body of a story whose body is so far over its limit that the Markdown pipeline
 * (schema/markdown.ts) does not render it at all: a 6 MB body would take half a minute and
 * gigabytes of memory, only to be refused. The schema refuses any body rendered as this.
 */
export const NOT_RENDERED = "[broadsheet: body over its size limit, not rendered]";
/** Bodies over this many bytes are not rendered (twice the largest limit: no body near one is). */
export const RENDER_CEILING =
  2 * Math.max(...limitRows.filter((r) => r.field === "body" && r.unit === "bytes").map((r) => r.max));

const numbers = new Intl.NumberFormat(site.language);
/** "1,199": a number as the site's language writes it (the site's pages use it too). @param {number} n */
export const formatNumber = (n) => numbers.format(n);

/** Unicode code points: an emoji is one character. */
export function characters(/** @type {string} */ text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // The second half of a surrogate pair is not a character of its own.
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
  }
  return n;
}

/** UTF-8 bytes of a body, without the blank lines around it. */
export const bodyBytes = (/** @type {string} */ text) => Buffer.byteLength(text.trim(), "utf8");

/**
 * A value quoted for an error message, cut short: a message must not repeat a megabyte.
 *
 * @param {unknown} value
 */
export function quoted(value, max = 80) {
  const text = String(value);
  return JSON.stringify(characters(text) > max ? `${Array.from(text).slice(0, max).join("")}…` : text);
}

/** What a list field holds, as an array (Contentlayer hands lists over as iterables). */
const listOf = (/** @type {unknown} */ value) =>
  value === undefined || value === null
    ? []
    : typeof value === "object" && Symbol.iterator in value
      ? Array.from(/** @type {Iterable<unknown>} */ (value))
      : [value];

/** @param {Record<string, unknown>} doc @param {string} field */
function valueOf(doc, field) {
  /** @type {unknown} */
  let value = doc;
  for (const key of field.split(".")) {
    value =
      value && typeof value === "object" ? /** @type {Record<string, unknown>} */ (value)[key] : undefined;
  }
  return value;
}

/** @param {Limit} row @param {unknown} value */
function measure(row, value) {
  if (row.unit === "characters") return characters(String(value));
  if (row.unit === "bytes") return bodyBytes(String(value));
  return listOf(value).length;
}

/** "201 characters; the limit is 200" */
const sizeAgainst = (/** @type {number} */ size, /** @type {Limit} */ row) =>
  `${formatNumber(size)} ${row.unit}; the limit is ${formatNumber(row.max)}`;

/** What to do about a field over its limit. */
function advice(/** @type {Limit} */ row) {
  if (row.field === "slug") return "rename the file";
  if (row.unit === "bytes" && row.kind === "story") return "shorten it, or split it into two stories";
  if (row.each || row.unit === "characters") return "shorten it";
  return `keep the ${row.unit} that matter most`;
}

/**
 * Every limit a document's front matter and Markdown are over, as [field, problem] pairs (the
 * caller names the file). Measures what the file holds; the rendered body's limits are checked
 * in schema/body.ts.
 *
 * @param {Kind} kind
 * @param {Record<string, unknown> & { _raw: { sourceFilePath: string } }} doc  a Contentlayer document
 * @returns {[field: string, problem: string][]}
 */
export function limitProblems(kind, doc) {
  /** @type {[string, string][]} */
  const problems = [];
  const slug = doc._raw.sourceFilePath.replace(/^.*\//, "").replace(/\.mdx?$/, "");
  for (const row of limitRows) {
    if (row.kind !== kind || row.rendered) continue;
    const value =
      row.field === "slug"
        ? slug
        : row.field === "body"
          ? /** @type {{ raw?: string } | undefined} */ (doc.body)?.raw
          : valueOf(doc, row.field);
    if (value === undefined || value === null) continue;
    if (!row.each) {
      const size = measure(row, value);
      if (size > row.max) problems.push([row.field, `${sizeAgainst(size, row)}; ${advice(row)}`]);
      continue;
    }
    const items = listOf(value);
    // The count of a list is checked first: 20,000 topics is one problem, not 20,000.
    const count = limitRows.find((r) => r.kind === kind && r.field === row.field && !r.each);
    if (count && items.length > count.max) continue;
    items.forEach((item, i) => {
      const part = row.part ? valueOf(/** @type {Record<string, unknown>} */ (item), row.part) : item;
      if (part === undefined || part === null) return;
      const size = measure(row, part);
      if (size > row.max) {
        const what = row.part ? `${row.each} ${i + 1}: ${row.part} is` : `${row.each} ${i + 1} is`;
        problems.push([row.field, `${what} ${sizeAgainst(size, row)}; ${advice(row)}`]);
      }
    });
  }
  return problems;
}

/** The limits as a Markdown table, for docs/editing.md (tests/content/limits.test.ts compares them). */
export function limitsTable() {
  const files = { story: "story", author: "author", takedown: "takedown", entry: "live entry" };
  const rows = limitRows.map((r) => {
    let field = r.field === "slug" ? "file name" : `\`${r.field}\``;
    if (r.each) field = `${field}: each ${r.part ? `entry's \`${r.part}\`` : r.each}`;
    const unit = r.unit === "bytes" ? "bytes of Markdown" : r.unit;
    return [files[r.kind], field, `${formatNumber(r.max)} ${unit}`];
  });
  const head = ["file", "field", "at most"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
