import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runScript, scratchWorkspace } from "./build-content";

const fixture = (name: string) => path.resolve(__dirname, "../fixtures", name);
const cleanups: string[] = [];
afterEach(() => {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const work = scratchWorkspace();
  cleanups.push(work);
  return work;
}

/** A content folder of its own, copied from a fixture, that a test may change. */
function contentFrom(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-fixture-"));
  cleanups.push(dir);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

describe("npm run check", () => {
  it("passes valid content and says how much it checked", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), path.resolve("content"));
    expect(status, output).toBe(0);
    expect(output).toContain("npm run check: 1 story valid, no warnings");
  });

  it("fails on an error, naming the file, the field, what is wrong and how to fix it", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture("invalid/unknown-section"));
    expect(status).toBe(1);
    expect(output).toMatch(/stories\/unknown-section\.md: field "section": "Wrld" is not a section; use one of: World/);
    expect(output).toContain("the content has errors");
  });

  it("fails on embed code it used to strip without a word: an <iframe>, a tweet's embed code", () => {
    for (const [name, message] of [
      ["embed-iframe", /stories\/embed-iframe\.md: field "body": an <iframe> "https:\/\/www\.youtube\.com\/embed\/aqz-KE-bpKQ" cannot go in a story .*; put the video's address alone on its own line instead: https:\/\/www\.youtube\.com\/watch\?v=aqz-KE-bpKQ/],
      ["embed-tweet-snippet", /stories\/embed-tweet-snippet\.md: field "body": X's embed code \(<blockquote class="twitter-tweet">\) cannot go in a story .*; put the post's address alone on its own line instead: https:\/\/x\.com\/i\/status\/1234567890123456789/],
    ] as const) {
      const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture(`invalid/${name}`));
      expect(status, output).toBe(1);
      expect(output).toMatch(message);
      expect(output).toContain("the content has errors");
    }
  });

  it("adds a how-to-fix line to Contentlayer's own messages", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture("invalid/unknown-field"));
    expect(status).toBe(1);
    expect(output).toMatch(/subtitle/);
    expect(output).toMatch(/How to fix:\n {2}- remove the field, or correct its spelling/);
  });

  it("warns about likely mistakes without failing", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture("warnings"));
    expect(status, output).toBe(0);
    expect(output).toMatch(/warning: .*long-headline\.md: field "headline": 1\d\d characters/);
    expect(output).toMatch(/warning: .*long-standfirst\.md: field "standfirst": 3\d\d characters/);
    expect(output).toMatch(/warning: .*no-headings\.md: field "body": 6\d\d words and no section heading/);
    expect(output).toMatch(/warning: topics: one topic is spelled 2 ways: "Rare earths" .*"rare Earths"/);
    expect(output).toContain("5 stories valid, 4 warnings");
  });

  it("says what is not being published: every draft, and a story scheduled years ahead", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture("not-published"));
    expect(status, output).toBe(0);
    expect(output).toMatch(
      /warning: .*far-future\.md: field "published": 2062-06-07T12:00:00\+01:00 is \d+ years ahead; the story stays unpublished until then/,
    );
    expect(output).toMatch(/warning: 2 drafts are not published \(draft: true\): .*draft-one\.md, .*draft-two\.md/);
    expect(output).not.toMatch(/on-time\.md/);
    expect(output).toContain("4 stories valid, 2 warnings");
  });

  it("warns when a change alters or removes a correction instead of adding one", () => {
    const work = workspace();
    const content = contentFrom("warnings");
    const file = path.join(content, "stories/long-headline.md");
    const original = readFileSync(file, "utf8").replace(
      "---\n\n",
      "corrections:\n  - date: 2025-06-08T09:00:00Z\n    kind: correction\n    text: The figure was wrong.\n---\n\n",
    );
    writeFileSync(file, original);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: content, stdio: "ignore" });
    git("init", "-q");
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "add", ".");
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "content");
    // Adding an entry is fine.
    writeFileSync(file, original.replace("---\n\n", "  - date: 2025-06-09T09:00:00Z\n    kind: update\n    text: More.\n---\n\n"));
    let run = runScript("scripts/check-content.mjs", [], work, content);
    expect(run.output).not.toMatch(/field "corrections"/);
    // Rewording the published entry is not.
    writeFileSync(file, original.replace("The figure was wrong.", "A figure was off."));
    run = runScript("scripts/check-content.mjs", [], work, content);
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/long-headline\.md: field "corrections": the entry of 2025-06-08T09:00:00Z was changed or removed/);
  });
});

describe("synthetic story generator", () => {
  it("never writes into content/ or over the project, nor empties a folder it did not make", () => {
    const work = workspace();
    for (const out of [path.resolve("content"), path.resolve("content/stories"), path.resolve(".")]) {
      const run = runScript("scripts/generate-stories.mjs", ["--count", "1", "--out", out], work, "content");
      expect(run.status, out).toBe(2);
      expect(run.output).toContain("refusing");
    }
    const precious = contentFrom("warnings");
    const run = runScript("scripts/generate-stories.mjs", ["--count", "1", "--out", precious], work, "content");
    expect(run.status).toBe(2);
    expect(run.output).toContain("is not a folder of synthetic stories");
    expect(readFileSync(path.join(precious, "stories/long-headline.md"), "utf8")).toContain("headline:");
  });
});

describe("npm run new", () => {
  it("scaffolds a draft that the check rejects until every placeholder is filled", () => {
    const work = workspace();
    const content = contentFrom("warnings");
    const created = runScript("scripts/new-story.mjs", ["Talks resume: what’s next?"], work, content);
    expect(created.status, created.output).toBe(0);
    const file = path.join(content, "stories/talks-resume-whats-next.md");
    const text = readFileSync(file, "utf8");
    expect(text).toContain('headline: "Talks resume: what’s next?"');
    expect(text).toMatch(/^published: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
    expect(text).toContain("draft: true");

    const unfilled = runScript("scripts/check-content.mjs", [], work, content);
    expect(unfilled.status).toBe(1);
    for (const field of ["standfirst", "author", "section", "topics", "body"]) {
      expect(unfilled.output).toMatch(new RegExp(`talks-resume-whats-next\\.md: field "${field}": .*placeholder`));
    }

    writeFileSync(
      file,
      text
        .replace(/^standfirst: .*$/m, "standfirst: Negotiators meet again.")
        .replace(/^author: .*$/m, "author: jane-doe")
        .replace(/^section: .*$/m, "section: Business")
        .replace(/^ {2}- "FILL IN.*$/m, "  - Trade")
        .replace(/^FILL IN: the story.*$/m, "The talks resumed on Monday."),
    );
    const filled = runScript("scripts/check-content.mjs", [], work, content);
    expect(filled.status, filled.output).toBe(0);
    expect(filled.output).toContain("6 stories valid");
  });

  it("makes a file name the content build accepts from any headline", () => {
    const work = workspace();
    const content = contentFrom("warnings");
    const run = runScript("scripts/new-story.mjs", ["Café culture: São Paulo’s 24-hour bars"], work, content);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("stories/cafe-culture-sao-paulos-24-hour-bars.md");
  });

  it("refuses to overwrite an existing story", () => {
    const work = workspace();
    const content = contentFrom("warnings");
    const before = readFileSync(path.join(content, "stories/long-headline.md"), "utf8");
    const run = runScript("scripts/new-story.mjs", ["Long headline"], work, content);
    expect(run.status).toBe(1);
    expect(run.output).toContain("already exists");
    expect(readFileSync(path.join(content, "stories/long-headline.md"), "utf8")).toBe(before);
  });
});
