import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

  it("checks a live story's entries by every rule, naming the entry's file, the field and the fix", () => {
    for (const [name, message] of [
      ["entry-no-time", /live\/talks-live\/20250607-120000-no-time\.md: field "time": is missing; write when the entry was posted: time: 2025-06-07T12:00:00\+01:00/],
      ["entry-embed-code", /live\/talks-live\/20250607-120000-embed\.md: field "body": an <iframe> .*; put the video's address alone on its own line instead/],
      ["entry-story-not-live", /live\/talks-live\/20250607-120000-not-live\.md: is an entry of "talks-live", which is not live; add live: true to the story/],
    ] as const) {
      const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture(`invalid/${name}`));
      expect(status, output).toBe(1);
      expect(output).toMatch(message);
      expect(output).toContain("the content has errors");
    }
  });

  it("adds a how-to-fix line to an entry's unknown field too", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture("invalid/entry-unknown-field"));
    expect(status).toBe(1);
    expect(output).toMatch(/live\/talks-live\/20250607-120000-unknown\.md" of type "LiveEntry" has the following extra fields:\n\s+• headline/);
    expect(output).toMatch(/How to fix:\n {2}- remove the field, or correct its spelling/);
  });

  it("adds a how-to-fix line to Contentlayer's own messages", () => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture("invalid/unknown-field"));
    expect(status).toBe(1);
    expect(output).toMatch(/subtitle/);
    expect(output).toMatch(/How to fix:\n {2}- remove the field, or correct its spelling/);
  });

  it.each([
    {
      name: "yaml-colon",
      message: /stories\/trade-talks\.md, line 2: field "headline": a value with a colon needs quotes: headline: "Trade talks: what next"/,
    },
    {
      // YAML itself gives up at line 8; the quote was opened on line 3.
      name: "yaml-unclosed-quote",
      message: /stories\/unclosed-quote\.md, line 3: field "standfirst": the double quote \(\"\) that opens the value is never closed; end the value with the same quote on this line: standfirst: "What the test story says\."/,
    },
    {
      name: "yaml-front-matter-not-closed",
      message: /stories\/no-closing\.md, line 1: the front matter that starts here is never closed; add a line of three hyphens \(---\)/,
    },
    {
      name: "yaml-duplicate-field",
      message: /stories\/twice\.md, line 7: field "headline": appears twice \(lines 2 and 7\); keep one/,
    },
  ])("explains front matter YAML cannot read in plain words, at the line of the mistake: $name", ({ name, message }) => {
    const { status, output } = runScript("scripts/check-content.mjs", [], workspace(), fixture(`invalid/${name}`));
    expect(status).toBe(1);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/YAMLParseError|compact mappings|Missing closing/);
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
    // Not dated: the publish that puts it live writes the time (see "npm run publish dates…").
    expect(text).not.toMatch(/^published:/m);
    expect(text).toMatch(/^# published: npm run publish writes the time here/m);
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

  it("makes a Latin file name from a headline in any script, and a dated one from a headline of emoji", () => {
    const work = workspace();
    const content = contentFrom("warnings");
    for (const [headline, file] of [
      ["中美贸易谈判", "zhong-mei-mao-yi-tan-pan"],
      ["Переговоры в Лондоне", "peregovory-v-londone"],
      ["Ελλάδα σήμερα", "ellada-simera"],
    ]) {
      const run = runScript("scripts/new-story.mjs", [headline], work, content);
      expect(run.status, run.output).toBe(0);
      expect(run.output).toContain(`stories/${file}.md`);
      expect(readFileSync(path.join(content, `stories/${file}.md`), "utf8")).toContain(`headline: "${headline}"`);
    }
    const today = new Date().toISOString().slice(0, 10);
    const emoji = runScript("scripts/new-story.mjs", ["🌍🤝"], work, content);
    expect(emoji.status, emoji.output).toBe(0);
    expect(emoji.output).toMatch(new RegExp(`stories/story-${today}-[0-9a-f]{6}\\.md`));
    // Every name it made is one the content build accepts (the FILL INs aside).
    const check = runScript("scripts/check-content.mjs", [], work, content);
    expect(check.output).not.toMatch(/field "slug"/);
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

describe("npm run publish dates a story when it goes live", () => {
  it("writes the time of the publish into a story with no published time, and puts it back if the publish fails", () => {
    const work = workspace();
    const content = contentFrom("warnings");
    const store = mkdtempSync(path.join(tmpdir(), "broadsheet-store-"));
    cleanups.push(store);
    process.env.BROADSHEET_STORE = store;
    try {
      const file = path.join(content, "stories/talks-resume.md");
      expect(runScript("scripts/new-story.mjs", ["Talks resume"], work, content).status).toBe(0);
      const draft = readFileSync(file, "utf8")
        .replace(/^standfirst: .*$/m, "standfirst: Negotiators meet again.")
        .replace(/^author: .*$/m, "author: jane-doe")
        .replace(/^section: .*$/m, "section: Business")
        .replace(/^ {2}- "FILL IN.*$/m, "  - Trade")
        .replace(/^FILL IN: the story.*$/m, "The talks resumed on Monday.");
      writeFileSync(file, draft);

      // A draft stays undated, and the check is content with that.
      const asDraft = runScript("scripts/publish.mjs", [], work, content);
      expect(asDraft.status, asDraft.output).toBe(0);
      expect(readFileSync(file, "utf8")).not.toMatch(/^published:/m);

      // Ready to go: the check says the time will be written, and does not fail.
      writeFileSync(file, draft.replace(/^draft: true\n/m, ""));
      const check = runScript("scripts/check-content.mjs", [], work, content);
      expect(check.status, check.output).toBe(0);
      expect(check.output).toMatch(/talks-resume\.md: no publication time yet; npm run publish writes it into the file/);

      // A publish that fails (another story is broken) leaves the file as it was.
      const broken = path.join(content, "stories/broken.md");
      writeFileSync(broken, draft.replace(/^draft: true\n/m, "").replace("author: jane-doe", "author: nobody"));
      const failed = runScript("scripts/publish.mjs", [], work, content);
      expect(failed.status, failed.output).toBe(1);
      expect(failed.output).toMatch(/broken\.md: field "author": no author "nobody"/);
      expect(readFileSync(file, "utf8")).not.toMatch(/^published:/m);
      rmSync(broken);

      const before = Date.now() - 1000;
      const live = runScript("scripts/publish.mjs", [], work, content);
      const after = Date.now() + 1000;
      expect(live.status, live.output).toBe(0);
      expect(live.output).toMatch(/talks-resume\.md: dated now \(published: written into the file\); commit it/);
      const stamped = /^published: (.+)$/m.exec(readFileSync(file, "utf8"));
      expect(stamped, "published was written into the file").not.toBeNull();
      const at = Date.parse(stamped![1]);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
      // Where npm run new left its note, so the front matter keeps its order.
      expect(readFileSync(file, "utf8")).not.toContain("# published:");

      // Deleting the line of a live story by mistake does not re-date it: its time comes back.
      writeFileSync(file, readFileSync(file, "utf8").replace(/^published: .*\n/m, "").replace("Monday", "Tuesday"));
      const again = runScript("scripts/publish.mjs", [], work, content);
      expect(again.status, again.output).toBe(0);
      expect(again.output).toContain(`the one it was published with (${stamped![1]}) is written back`);
      expect(readFileSync(file, "utf8")).toContain(`published: ${stamped![1]}`);

      // A build (publish --all) dates nothing: an undated story there is an error, and its file
      // (written with Windows line endings) is left exactly as it was.
      const windows = path.join(content, "stories/windows.md");
      const crlf = draft.replace(/^draft: true\n/m, "").replace("Talks resume", "Talks end").replace(/\n/g, "\r\n");
      writeFileSync(windows, crlf);
      const build = runScript("scripts/publish.mjs", ["--all"], work, content);
      expect(build.status, build.output).toBe(1);
      expect(build.output).toMatch(/windows\.md: field "published": is missing; npm run publish writes it/);
      expect(readFileSync(windows, "utf8")).toBe(crlf);

      // The editor's publish dates it, in the file's own line endings.
      const dated = runScript("scripts/publish.mjs", [], work, content);
      expect(dated.status, dated.output).toBe(0);
      expect(readFileSync(windows, "utf8")).toMatch(/\r\npublished: [^\r\n]+Z\r\n/);
      expect(readFileSync(windows, "utf8")).not.toMatch(/[^\r]\n/);
    } finally {
      delete process.env.BROADSHEET_STORE;
    }
  });
});

describe("npm run live", () => {
  const entriesOf = (content: string, story: string) => readdirSync(path.join(content, "live", story)).sort();

  it("starts an entry named by its time and title, dated now, that the check rejects until it is written", () => {
    const work = workspace();
    const content = contentFrom("valid-live");
    const before = entriesOf(content, "talks-live");
    const startedAt = Date.now() - 1000;
    const created = runScript("scripts/live.mjs", ["talks-live", "Переговоры: talks resume"], work, content);
    expect(created.status, created.output).toBe(0);
    const [name] = entriesOf(content, "talks-live").filter((f) => !before.includes(f));
    // yyyymmdd-hhmmss, then the title's words in Latin letters: the files sort by time.
    expect(name).toMatch(/^\d{8}-\d{6}-peregovory-talks-resume\.md$/);
    expect(created.output).toContain(`live/talks-live/${name}`);
    const text = readFileSync(path.join(content, "live", "talks-live", name), "utf8");
    const time = Date.parse(/^time: (.*)$/m.exec(text)![1]);
    expect(time).toBeGreaterThanOrEqual(startedAt);
    expect(time).toBeLessThanOrEqual(Date.now());
    expect(text).toContain('title: "Переговоры: talks resume"');
    expect(text).not.toMatch(/^(key|pinned):/m);

    const unfilled = runScript("scripts/check-content.mjs", [], work, content);
    expect(unfilled.status).toBe(1);
    expect(unfilled.output).toMatch(new RegExp(`live/talks-live/${name.replace(".", "\\.")}: field "body": .*placeholder`));

    writeFileSync(
      path.join(content, "live", "talks-live", name),
      text.replace(/^FILL IN.*$/m, "Negotiators are back at the table."),
    );
    const filled = runScript("scripts/check-content.mjs", [], work, content);
    expect(filled.status, filled.output).toBe(0);
  });

  it("marks a key event and a pinned entry when asked", () => {
    const content = contentFrom("valid-live");
    const run = runScript("scripts/live.mjs", ["talks-live", "Deal agreed", "--key", "--pinned"], workspace(), content);
    expect(run.status, run.output).toBe(0);
    const name = entriesOf(content, "talks-live").find((f) => f.endsWith("-deal-agreed.md"))!;
    const text = readFileSync(path.join(content, "live", "talks-live", name), "utf8");
    expect(text).toMatch(/^key: true$/m);
    expect(text).toMatch(/^pinned: true$/m);
  });

  it("refuses a story that does not exist, is not live or has ended, naming the live stories", () => {
    const work = workspace();
    const content = contentFrom("valid-live");
    for (const [slug, message] of [
      ["no-such-story", /there is no story "no-such-story" in .*stories; live stories: talks-live$/m],
      ["plain-story", /stories\/plain-story\.md is not live coverage; add live: true to its front matter, or use one of the live stories: talks-live$/m],
      ["summit-ended", /stories\/summit-ended\.md: its coverage has ended \(coverageEnd\); remove coverageEnd to reopen it, or use one of the live stories: talks-live$/m],
    ] as const) {
      const run = runScript("scripts/live.mjs", [slug, "An update"], work, content);
      expect(run.status, run.output).toBe(1);
      expect(run.output).toMatch(message);
    }
    expect(existsSync(path.join(content, "live", "no-such-story"))).toBe(false);
    expect(existsSync(path.join(content, "live", "plain-story"))).toBe(false);
    expect(entriesOf(content, "summit-ended")).toEqual(["20250607-113000-opened.md"]);
  });

  it("says how to use it when the title is missing", () => {
    const run = runScript("scripts/live.mjs", ["talks-live"], workspace(), contentFrom("valid-live"));
    expect(run.status).toBe(2);
    expect(run.output).toContain('usage: npm run live -- <story slug> "Title of the entry" [--key] [--pinned]');
  });

  it("never overwrites an entry: the same title in the same second is refused", () => {
    const work = workspace();
    const content = contentFrom("valid-live");
    // Two runs usually fall in the same second; when they do not, the second made a new file: try again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const first = runScript("scripts/live.mjs", ["talks-live", `Same title ${attempt}`], work, content);
      expect(first.status, first.output).toBe(0);
      const file = path.join(content, /created (\S+):/.exec(first.output)![1].replace(/^.*?live\//, "live/"));
      writeFileSync(file, readFileSync(file, "utf8").replace(/^FILL IN.*$/m, "Written by the editor."));
      const second = runScript("scripts/live.mjs", ["talks-live", `Same title ${attempt}`], work, content);
      if (second.status === 0) continue;
      expect(second.status).toBe(1);
      expect(second.output).toMatch(/already exists; wait a second and run again, or edit that entry/);
      expect(readFileSync(file, "utf8")).toContain("Written by the editor.");
      return;
    }
    throw new Error("every second run fell in a new second");
  });
});
