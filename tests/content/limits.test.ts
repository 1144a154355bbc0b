import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { offSite, storyBodyProblems } from "../../schema/body";
import { formatNumber, limitRows, limitsTable, NOT_RENDERED, type Limit } from "../../schema/limits.mjs";
import { runScript, scratchWorkspace } from "./build-content";

/**
 * Issue 12, item 7: content without limits. A 1 MB headline, a 5 MB standfirst, 20,000 topics
 * or a 6 MB body passed the build and reached every page, feed and search index; an image from
 * another site passed the sanitiser and reached every feed reader as a tracker. Each must fail
 * the build, `npm run check` and `npm run publish`, naming the file and the field.
 */

const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

type Doc = { fields: Record<string, unknown>; body?: string };

const story = (fields: Record<string, unknown> = {}, body?: string): Doc => ({
  fields: {
    headline: "A test story",
    standfirst: "What the test story says.",
    published: "2025-06-07T12:00:00+01:00",
    author: "jane-doe",
    section: "World",
    topics: ["Trade"],
    ...fields,
  },
  body,
});

/** A story with several authors: `authors` in place of `author`. */
const coBylined = (authors: string[]): Doc => {
  const { fields } = story({ authors });
  delete fields.author;
  return { fields };
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with jane-doe and these files (paths relative to content/). */
function contentWith(files: Record<string, Doc>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-limits-"));
  dirs.push(dir);
  const all: Record<string, Doc> = { "authors/jane-doe.md": { fields: { name: "Jane Doe" } }, ...files };
  for (const [file, { fields, body = "A paragraph of the story.\n\n## A section\n\nAnother paragraph." }] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${body}\n`);
  }
  return dir;
}

/** A workspace for the content build with these images under public/. */
function workspaceWith(images: string[] = []): string {
  const work = scratchWorkspace();
  dirs.push(work);
  for (const src of images) {
    mkdirSync(path.dirname(path.join(work, "public", src)), { recursive: true });
    writeFileSync(path.join(work, "public", src), PNG_1x1);
  }
  return work;
}

/** The content build; --verbose: Contentlayer lists every failing document, not the first 20. */
const build = (content: string, work = workspaceWith()) =>
  runScript("scripts/contentlayer.mjs", ["build", "--verbose"], work, content);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the issue's stories fail the content build, naming the file and the field", () => {
  let result: { status: number | null; output: string };
  beforeAll(() => {
    result = build(
      contentWith({
        "stories/huge-headline.md": story({ headline: "x".repeat(1024 * 1024) }),
        "stories/huge-standfirst.md": story({ standfirst: "Words ".repeat((5 * 1024 * 1024) / 6).trim() + "." }),
        "stories/twenty-thousand-topics.md": story({
          topics: Array.from({ length: 20_000 }, (_, i) => `Topic ${i + 1}`),
        }),
        "stories/huge-body.md": story({}, "word ".repeat((6 * 1024 * 1024) / 5).trim()),
        "stories/markdown-tracker.md": story(
          {},
          "A paragraph.\n\n![A chart](https://tracker.example/pixel.gif?story=1)\n\nMore.",
        ),
        "stories/html-tracker.md": story(
          {},
          'A paragraph.\n\n<img src="https://tracker.example/raw.gif" width="1" height="1" alt="">\n\nMore.',
        ),
        "stories/protocol-relative.md": story({}, 'A paragraph <img src="//tracker.example/p.gif" alt=""> inline.'),
        "stories/backslash-host.md": story({}, 'A paragraph.\n\n<img src="/\\tracker.example/b.gif" alt="">'),
        "stories/picture-source.md": story(
          {},
          '<picture><source srcset="/images/a.webp 1x, https://cdn.example/a@2x.webp 2x"><img src="/images/a.jpg" alt="A chart"></picture>',
        ),
      }),
    );
  }, 120_000);

  const expectFailure = (pattern: RegExp) => {
    expect(result.status, result.output.slice(0, 2000)).toBe(1);
    expect(result.output).toMatch(pattern);
  };

  it("a 1 MB headline", () =>
    expectFailure(/stories\/huge-headline\.md: field "headline": 1,048,576 characters; the limit is 200\b/));

  it("a 5 MB standfirst", () =>
    expectFailure(/stories\/huge-standfirst\.md: field "standfirst": 5,242,8\d\d characters; the limit is 600\b/));

  it("20,000 topics", () =>
    expectFailure(/stories\/twenty-thousand-topics\.md: field "topics": 20,000 topics; the limit is 10\b/));

  it("a 6 MB body", () =>
    expectFailure(/stories\/huge-body\.md: field "body": 6,291,45\d bytes; the limit is 150,000\b/));

  it("an image from another site, in Markdown", () =>
    expectFailure(
      /stories\/markdown-tracker\.md: field "body": image "https:\/\/tracker\.example\/pixel\.gif\?story=1" is on another site/,
    ));

  it("an image from another site, in raw HTML", () =>
    expectFailure(/stories\/html-tracker\.md: field "body": image "https:\/\/tracker\.example\/raw\.gif" is on another site/));

  it("an image from another site by a protocol-relative address", () =>
    expectFailure(
      /stories\/protocol-relative\.md: field "body": image "\/\/tracker\.example\/p\.gif" is on another site \(tracker\.example\)/,
    ));

  it("an image from another site by an address a browser reads as protocol-relative", () =>
    expectFailure(
      /stories\/backslash-host\.md: field "body": image "\/\\\\tracker\.example\/b\.gif" is on another site \(tracker\.example\)/,
    ));

  it("an image from another site in a <picture>'s srcset", () =>
    expectFailure(
      /stories\/picture-source\.md: field "body": image "https:\/\/cdn\.example\/a@2x\.webp" is on another site \(cdn\.example\)/,
    ));

  it("says how to fix an image from another site", () =>
    expectFailure(/is on another site .*save it under public\/ and write its path, like \/images\//));
});

describe("npm run check and npm run publish refuse the same content", () => {
  const content = () =>
    contentWith({
      "stories/fine.md": story(),
      "stories/huge-headline.md": story({ headline: "x".repeat(1024 * 1024) }),
      "stories/tracker.md": story({}, "Text.\n\n![](https://tracker.example/pixel.gif)"),
    });

  it("npm run check fails, naming each file and field", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspaceWith(), content());
    expect(status, output).toBe(1);
    expect(output).toMatch(/stories\/huge-headline\.md: field "headline": 1,048,576 characters; the limit is 200\b/);
    expect(output).toMatch(/stories\/tracker\.md: field "body": image "https:\/\/tracker\.example\/pixel\.gif" is on another site/);
    expect(output).toContain("the content has errors");
  });

  it("npm run publish fails, naming each file and field, and publishes nothing", () => {
    const work = workspaceWith();
    const { status, output } = runScript("scripts/publish.mjs", [], work, content());
    expect(status, output).toBe(1);
    expect(output).toMatch(/stories\/huge-headline\.md: field "headline": 1,048,576 characters; the limit is 200\b/);
    expect(output).toMatch(/stories\/tracker\.md: field "body": image "https:\/\/tracker\.example\/pixel\.gif" is on another site/);
    expect(output).toContain("nothing was published");
    expect(existsSync(path.join(work, ".broadsheet/store/manifest.json"))).toBe(false);
  });
});

/** A string of exactly n characters (code points): an emoji counts as one. */
const chars = (n: number, fill = "a") => ("🌍" + fill.repeat(n)).slice(0, n + 1);
/** A valid date-time padded with spaces to n characters. */
const date = (n: number, value = "2025-06-07T12:00:00+01:00") => value.padEnd(n);
/** Markdown of exactly n bytes (UTF-8, without surrounding blank lines), starting with `head`. */
function bytes(n: number, head = "") {
  const start = `${head}Zürich café. `;
  let text = start + "word ".repeat(Math.max(0, Math.floor((n - Buffer.byteLength(start)) / 5)));
  text = text.trimEnd();
  return text + "x".repeat(n - Buffer.byteLength(text));
}
/** A body figure (schema/blocks.ts): the image on its line, its caption and credit under it. */
const figure = (src: string, alt: string) => `![${alt}](${src})\nCaption: ${alt}.\nCredit: Jane Doe`;
const imagePath = (n: number) => `/images/${"p".repeat(n - "/images/.png".length)}.png`;

/**
 * The file and front matter that put one limit's measure at `n`, everything else valid. Every
 * row of the limits table must have one: a limit without a test fails here.
 */
function atSize(row: Limit, n: number): { file: string; doc: Doc; images: string[] } {
  const images: string[] = [];
  const leadImage = (fields: Record<string, string> = {}) => {
    const image = { src: "/images/lead.png", alt: "A chart", caption: "The chart.", credit: "Jane Doe", ...fields };
    images.push(image.src);
    return image;
  };
  const key = `${row.kind} ${row.field}${row.each ? ` each ${row.part ?? ""}` : ""} ${row.unit}`;
  const s = (fields: Record<string, unknown>, body?: string) => ({ file: "stories/s.md", doc: story(fields, body), images });
  const author = (fields: Record<string, unknown>, body?: string) => ({
    file: "authors/a.md",
    doc: { fields: { name: "A Name", ...fields }, body },
    images,
  });
  const entry = (fields: Record<string, unknown>, body?: string) => ({
    file: "live/s/e.md",
    doc: { fields: { time: "2025-06-07T12:30:00Z", ...fields }, body },
    images,
  });
  const takedown = (fields: Record<string, unknown>, body?: string) => ({
    file: "takedowns/t.md",
    doc: { fields: { removed: "2025-06-09T10:00:00Z", reason: "A court order.", ...fields }, body },
    images,
  });
  switch (key) {
    case "story slug characters":
      return { ...s({}), file: `stories/${"s".repeat(n)}.md` };
    case "story headline characters":
      return s({ headline: chars(n) });
    case "story standfirst characters":
      return s({ standfirst: chars(n) });
    case "story published characters":
      return s({ published: date(n) });
    case "story updated characters":
      return s({ updated: date(n, "2025-06-08T12:00:00Z") });
    case "story author characters":
      return s({ author: "a".repeat(n) });
    case "story authors authors":
      return { file: "stories/s.md", doc: coBylined(Array.from({ length: n }, (_, i) => `author-${i + 1}`)), images };
    case "story authors each  characters":
      return { file: "stories/s.md", doc: coBylined(["a".repeat(n)]), images };
    case "story topics topics":
      return s({ topics: Array.from({ length: n }, (_, i) => `Topic ${i + 1}`) });
    case "story topics each  characters":
      return s({ topics: [chars(n, "t")] });
    case "story corrections entries":
      return s({
        corrections: Array.from({ length: n }, (_, i) => ({
          date: `2025-06-08T${String(i % 24).padStart(2, "0")}:00:00Z`,
          kind: "update",
          text: `Update ${i + 1}.`,
        })),
      });
    case "story corrections each date characters":
      return s({ corrections: [{ date: date(n, "2025-06-08T09:00:00Z"), kind: "correction", text: "Fixed." }] });
    case "story corrections each text characters":
      return s({ corrections: [{ date: "2025-06-08T09:00:00Z", kind: "correction", text: chars(n) }] });
    case "story image.src characters":
      return s({ image: leadImage({ src: imagePath(n) }) });
    case "story image.alt characters":
      return s({ image: leadImage({ alt: chars(n) }) });
    case "story image.caption characters":
      return s({ image: leadImage({ caption: chars(n) }) });
    case "story image.credit characters":
      return s({ image: leadImage({ credit: chars(n) }) });
    case "story body bytes":
      return s({}, bytes(n));
    case "story body images":
      for (let i = 1; i <= n; i++) images.push(`/images/chart-${i}.png`);
      return s({}, Array.from({ length: n }, (_, i) => figure(`/images/chart-${i + 1}.png`, `Chart ${i + 1}`)).join("\n\n"));
    case "story body headings":
      return s({}, Array.from({ length: n }, (_, i) => `## Heading ${i + 1}\n\nText.`).join("\n\n"));
    case "story body each  characters":
      return s({}, `Text.\n\n## ${chars(n, "h")}\n\nMore text.`);
    case "author slug characters":
      return { ...author({}), file: `authors/${"a".repeat(n)}.md` };
    case "author name characters":
      return author({ name: chars(n) });
    case "author role characters":
      return author({ role: chars(n) });
    case "author bio characters":
      return author({ bio: chars(n) });
    case "author picture characters":
      images.push(imagePath(n));
      return author({ picture: imagePath(n) });
    case "author links links":
      return author({ links: Array.from({ length: n }, (_, i) => `https://example.org/${i + 1}`) });
    case "author links each  characters":
      return author({ links: [`https://example.org/${"a".repeat(n - "https://example.org/".length)}`] });
    case "author body bytes":
      return author({}, bytes(n));
    case "entry slug characters":
      return { ...entry({}), file: `live/s/${"e".repeat(n)}.md` };
    case "entry time characters":
      return entry({ time: date(n) });
    case "entry title characters":
      return entry({ title: chars(n) });
    case "entry body bytes":
      return entry({}, bytes(n));
    case "takedown slug characters":
      return { ...takedown({}), file: `takedowns/${"t".repeat(n)}.md` };
    case "takedown removed characters":
      return takedown({ removed: date(n) });
    case "takedown reason characters":
      return takedown({ reason: chars(n) });
    case "takedown body bytes":
      return takedown({}, bytes(n));
    default:
      throw new Error(`no test for the limit "${key}"; add one to atSize()`);
  }
}

describe("every limit is exact", () => {
  it("a story, an author and a takedown with every field at its limit build", () => {
    const max = (kind: Limit["kind"], field: string, each = false, part?: string, unit?: string) =>
      limitRows.find(
        (r) => r.kind === kind && r.field === field && Boolean(r.each) === each && r.part === part && (!unit || r.unit === unit),
      )!.max;
    const authorSlug = "a".repeat(max("author", "slug"));
    const topicLength = max("story", "topics", true);
    const heading = (i: number) => `## ${i} ${chars(max("story", "body", true) - String(i).length - 1, "h")}`;
    const headings = max("story", "body", false, undefined, "headings");
    const bodyImages = Array.from({ length: max("story", "body", false, undefined, "images") }, (_, i) => `/images/c${i}.png`);
    const body = bytes(
      max("story", "body", false, undefined, "bytes"),
      [
        "A [source on another site](https://example.org/report) is a link, not an image: it may stay.",
        ...bodyImages.map((src, i) => figure(src, `Chart ${i}`)),
        ...Array.from({ length: headings }, (_, i) => `${heading(i + 1)}\n\nText.`),
        "",
      ].join("\n\n"),
    );
    const coAuthors = Array.from({ length: max("story", "authors") }, (_, i) =>
      `${String(i).padStart(2, "0")}`.padEnd(max("story", "authors", true), "c"),
    );
    const leadSrc = imagePath(max("story", "image.src"));
    const pictureSrc = `/authors/${"p".repeat(max("author", "picture") - "/authors/.png".length)}.png`;
    const content = contentWith({
      [`stories/${"s".repeat(max("story", "slug"))}.md`]: story(
        {
          headline: chars(max("story", "headline")),
          standfirst: chars(max("story", "standfirst")),
          published: date(max("story", "published")),
          updated: date(max("story", "updated"), "2025-06-08T12:00:00Z"),
          author: authorSlug,
          live: true,
          topics: Array.from({ length: max("story", "topics") }, (_, i) => `Topic ${i + 1} `.padEnd(topicLength, "t")),
          corrections: Array.from({ length: max("story", "corrections") }, () => ({
            date: date(max("story", "corrections", true, "date"), "2025-06-08T09:00:00Z"),
            kind: "correction",
            text: chars(max("story", "corrections", true, "text")),
          })),
          image: {
            src: leadSrc,
            alt: chars(max("story", "image.alt")),
            caption: chars(max("story", "image.caption")),
            credit: chars(max("story", "image.credit")),
          },
        },
        body,
      ),
      [`authors/${authorSlug}.md`]: {
        fields: {
          name: chars(max("author", "name")),
          role: chars(max("author", "role")),
          bio: chars(max("author", "bio")),
          picture: pictureSrc,
          links: Array.from(
            { length: max("author", "links") },
            (_, i) => `https://example.org/${i}/`.padEnd(max("author", "links", true), "a"),
          ),
        },
        body: bytes(max("author", "body")),
      },
      // Every author of a co-bylined story, each named by a slug at its limit.
      "stories/co-bylined.md": coBylined(coAuthors),
      ...Object.fromEntries(coAuthors.map((slug) => [`authors/${slug}.md`, { fields: { name: `Author ${slug.slice(0, 2)}` } }])),
      // An entry of that (live) story, every field at its limit.
      [`live/${"s".repeat(max("story", "slug"))}/${"e".repeat(max("entry", "slug"))}.md`]: {
        fields: { time: date(max("entry", "time"), "2025-06-08T12:00:00Z"), title: chars(max("entry", "title")) },
        body: bytes(max("entry", "body")),
      },
      [`takedowns/${"t".repeat(max("takedown", "slug"))}.md`]: {
        fields: { removed: date(max("takedown", "removed")), reason: chars(max("takedown", "reason")) },
        body: bytes(max("takedown", "body")),
      },
    });
    const { status, output } = build(content, workspaceWith([leadSrc, pictureSrc, ...bodyImages]));
    expect(status, output).toBe(0);
    expect(output).toContain(`Generated ${6 + coAuthors.length} documents`);
  });

  it("one over any limit fails, naming the file, the field, the limit and the size", () => {
    const files: Record<string, Doc> = {};
    const expected: { file: string; pattern: RegExp }[] = [];
    const images: string[] = [];
    limitRows.forEach((row, i) => {
      const over = atSize(row, row.max + 1);
      // One file per limit; its name says which (unless the name is what is over).
      const file =
        row.field === "slug" ? over.file : over.file.replace(/\/[^/]+\.md$/, `/over-${i + 1}-${row.field.replace(/\W/g, "-")}.md`);
      files[file] = over.doc;
      images.push(...over.images);
      const item = row.each ? `${row.each} \\d+( "[^"]*")?${row.part ? `: ${row.part}` : ""} is ` : "";
      const field = row.field === "slug" ? "slug" : row.field;
      expected.push({
        file,
        pattern: new RegExp(
          `${escape(file)}: field "${escape(field)}": ${item}${escape(formatNumber(row.max + 1))} ${row.unit}; the limit is ${escape(formatNumber(row.max))}\\b`,
        ),
      });
    });
    const { status, output } = build(contentWith(files), workspaceWith(images));
    expect(status, output).toBe(1);
    for (const { file, pattern } of expected) expect(output, file).toMatch(pattern);
  });
});

describe("which image addresses leave the site", () => {
  // Resolved as a browser resolves them, from a story's page.
  it.each([
    "https://tracker.example/p.gif",
    "HTTP://tracker.example/p.gif",
    "//tracker.example/p.gif",
    " //tracker.example/p.gif",
    "/\\tracker.example/p.gif",
    "\\\\tracker.example/p.gif",
    "/\t/tracker.example/p.gif",
    "data:image/gif;base64,R0lGODlh",
  ])("%j is on another site", (address) => expect(offSite(address)).not.toBeNull());

  it.each(["/images/2025/chart.png", "chart.png", "../images/chart.png", "#note", "?page=2"])(
    "%j is on this site",
    (address) => expect(offSite(address)).toBeNull(),
  );

  it("a body the Markdown pipeline did not render is refused, whatever its size", () => {
    expect(storyBodyProblems(`<p>${NOT_RENDERED}</p>`, "A short body.")).toEqual([
      expect.stringMatching(/too large to render/),
    ]);
  });
});

describe("the editors' guide's table of limits", () => {
  it("is the one made from schema/limits.mjs", () => {
    const guide = readFileSync(path.resolve(__dirname, "../../docs/editing.md"), "utf8");
    expect(guide).toContain(limitsTable());
  });
});
