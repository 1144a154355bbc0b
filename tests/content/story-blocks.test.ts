import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECTIVES, directiveNames } from "../../schema/blocks";
import { generatedDir } from "../../schema/generated.mjs";
import { runScript, scratchWorkspace } from "./build-content";

/**
 * Issue 13, items 2 and 4: figures in the body, pull quotes and fact boxes. Each mistake fails
 * the real content build, naming the file, the field, the line where there is one, and the fix.
 */

const fixture = (name: string) => path.resolve(__dirname, "../fixtures", name);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A PNG of 3 by 2 pixels, the image the fixtures' figures name (/images/fixtures/chart.png). */
const PNG_3x2 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGOwqZgGQQxwFgBLUAe9SPfX7QAAAABJRU5ErkJggg==",
  "base64",
);

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

/** The content build (every failing document listed) on a fixture, with the fixtures' image. */
function build(name: string) {
  const work = scratchWorkspace();
  workspaces.push(work);
  mkdirSync(path.join(work, "public/images/fixtures"), { recursive: true });
  writeFileSync(path.join(work, "public/images/fixtures/chart.png"), PNG_3x2);
  const result = runScript("scripts/contentlayer.mjs", ["build", "--verbose"], work, fixture(name));
  const generated = (file: string) =>
    JSON.parse(readFileSync(path.join(generatedDir(work), "Story", file), "utf8"));
  return { ...result, generated };
}

/** The line of a fixture's story on which `text` starts, as an editor's editor shows it. */
function lineOf(story: string, text: string) {
  const lines = readFileSync(fixture(`invalid/story-blocks/stories/${story}.md`), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `${text} in ${story}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe("mistakes in figures, pull quotes and fact boxes fail the build", () => {
  let result: { status: number | null; output: string };
  beforeAll(() => {
    result = build("invalid/story-blocks");
  }, 120_000);

  const expectProblem = (story: string, problem: RegExp | string) => {
    expect(result.status, result.output.slice(0, 3000)).toBe(1);
    const pattern = typeof problem === "string" ? escape(problem) : problem.source;
    expect(result.output).toMatch(new RegExp(`stories/${escape(story)}\\.md: field "body": ${pattern}`));
  };

  it("an image whose file is not under public/ (a broken image would go live)", () =>
    expectProblem(
      "figure-missing-file",
      'image "/images/nope.jpg" is not a file under public/; put the image at public/images/nope.jpg, or correct the path',
    ));

  it("an image in raw HTML whose file is not under public/", () =>
    expectProblem(
      "raw-image-missing-file",
      'image "/images/gone.png" is not a file under public/; put the image at public/images/gone.png',
    ));

  it("an image without alt text", () =>
    expectProblem(
      "figure-without-alt",
      'image "/images/fixtures/chart.png" has no alt text; write what it shows between the brackets, for readers who cannot see it: ![',
    ));

  it("an image from another site (the site's CSP blocks it: readers see a broken image)", () =>
    expectProblem(
      "figure-other-site",
      /image "https:\/\/cdn\.example\/chart\.png" is on another site \(cdn\.example\): .*save it under public\/ and write its path/,
    ));

  it("a figure without its credit, with the line and what to write", () =>
    expectProblem(
      "figure-without-credit",
      `line ${lineOf("figure-without-credit", "![A chart")}: the image has no credit; write "Credit: who made it" on the lines right under it`,
    ));

  it("a caption a blank line below its image", () =>
    expectProblem(
      "figure-caption-after-blank-line",
      `line ${lineOf("figure-caption-after-blank-line", "![A chart")}: the image has no caption or credit; write "Caption: what it shows" and "Credit: who made it" on the lines right under it, with no blank line between`,
    ));

  it("an image in the middle of a sentence", () =>
    expectProblem(
      "figure-in-text",
      `line ${lineOf("figure-in-text", "![A chart")}: an image must stand alone on its line, with its Caption: and Credit: lines under it`,
    ));

  it("a line under a figure that is neither caption nor credit", () =>
    expectProblem(
      "figure-stray-line",
      `line ${lineOf("figure-stray-line", "![A chart")}: the line "Source: the customs office" under the image is neither a caption nor a credit; start it with "Caption:" or "Credit:"`,
    ));

  it("an unknown block, with its line and the list of known ones", () => {
    const known = directiveNames.map((name) => DIRECTIVES[name].example).join(", ");
    expect(known).toContain(":::pullquote");
    expect(known).toContain(":::factbox[");
    expectProblem(
      "directive-unknown",
      `line ${lineOf("directive-unknown", ":::sidebar")}: ":::sidebar" is not a block a story can use; the known ones are ${known}`,
    );
  });

  it("a fact box without a title", () =>
    expectProblem(
      "factbox-without-title",
      `line ${lineOf("factbox-without-title", ":::factbox")}: a fact box needs a title in brackets, like ${DIRECTIVES.factbox.example}`,
    ));

  it("a fact box with a heading in it (it would join the story's contents)", () =>
    expectProblem(
      "factbox-with-heading",
      `line ${lineOf("factbox-with-heading", "## Facts")}: a fact box cannot hold a heading; give the fact box its title in brackets`,
    ));

  it("a pull quote with a link (screen readers skip a pull quote; keyboards must too)", () =>
    expectProblem(
      "pullquote-with-link",
      `line ${lineOf("pullquote-with-link", "Talks [resumed]")}: a pull quote repeats words of the story as plain text (screen readers skip it); remove the link`,
    ));
});

describe("a story with a figure, a pull quote and a fact box", () => {
  let html: string;
  let doc: { text: string; headings: unknown[]; body: { html: string } };
  beforeAll(() => {
    const result = build("valid-story-blocks");
    expect(result.status, result.output).toBe(0);
    doc = result.generated("stories__story-blocks.md.json");
    html = doc.body.html;
  }, 120_000);

  it("leaves prose with colons exactly as written: only :::blocks are blocks", () => {
    expect(html).toContain(
      "<p>Trade talks:what next? At 10:30 the ratio was 3:2, and ::leaf or :name[label]{x=y} stay words.</p>",
    );
    expect(html).toContain("<p>::leaf[a line of its own]{x=y}</p>");
  });

  it("makes the image a figure with its size, the optimiser's srcset, its caption and credit", () => {
    const figure = /<figure>.*?<\/figure>/s.exec(html)?.[0] ?? "";
    expect(figure).toMatch(/<img src="\/images\/fixtures\/chart\.png" alt="A chart of exports by month" width="3" height="2"/);
    expect(figure).toMatch(/srcset="\/_next\/image\?url=%2Fimages%2Ffixtures%2Fchart\.png&#x26;w=\d+&#x26;q=\d+ \d+w, /);
    expect(figure).toContain(
      '<figcaption>Exports fell by <em>a third</em> in May. <span class="credit">Jane Doe/Agency</span></figcaption>',
    );
  });

  it("hides the pull quote from screen readers (its words are in the story) and names the fact box", () => {
    expect(html).toContain(
      '<aside class="pullquote" aria-hidden="true"><p>"We will not back down"</p><p class="pullquote-by">The minister</p></aside>',
    );
    expect(html).toMatch(/<aside class="factbox" aria-label="Key facts"><p class="factbox-title">Key facts<\/p><ul>/);
    expect(html).toContain('<a href="/world">Geneva</a>');
  });

  it("sanitises raw HTML as before: only the blocks' own classes, no handlers, no foreign srcset", () => {
    expect(html).not.toMatch(/onclick|onerror|alert|evil|other|cdn\.example/);
    expect(html).toContain('<aside class="factbox" aria-label="Raw box"><p class="factbox-title">Raw box</p>');
    expect(html).toMatch(/<img src="\/images\/fixtures\/chart\.png" alt="The chart again" width="3" height="2" srcset="\/_next\/image/);
    // A link a keyboard reaches is never hidden from screen readers: a raw pull quote with one is read out.
    expect(html).toContain('<aside class="pullquote"><p>A raw pull quote with <a href="/world">a link</a>.</p></aside>');
  });

  it("keeps the blocks out of the contents and gives search their words, not their syntax", () => {
    expect(doc.headings).toEqual([]);
    expect(doc.text).toContain("Exports fell by a third in May. Jane Doe/Agency");
    expect(doc.text).toContain("Key facts");
    expect(doc.text).not.toMatch(/:::|Caption:|Credit:/);
  });
});
