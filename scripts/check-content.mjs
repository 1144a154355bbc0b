#!/usr/bin/env node
/**
 * npm run check: validates every story and author without building the site.
 *
 * Errors (the content build's own checks: missing, unknown or malformed fields, impossible
 * dates, unknown sections or authors, placeholders, duplicate slugs, stray files, fields over
 * their size limits, images from other sites: schema/limits.mjs, schema/body.ts) are printed
 * with the file, the field, what is wrong and how to fix it, and make it exit 1.
 * Warnings (likely mistakes) are printed too but do not fail it (the numbers: ADVICE in
 * schema/limits.mjs):
 *   - a headline longer than search engines show
 *   - a long standfirst
 *   - a long story without a section heading
 *   - a topic spelled two ways across stories
 *   - a correction or update that was changed or removed rather than added (against git HEAD)
 *   - a story scheduled more than ADVICE.scheduledDaysAhead days ahead (a typo for a year?)
 *   - every draft: what is not being published
 * A story with no `published` time is valid: `npm run publish` stamps the time it goes live.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { readGenerated } from "../schema/generated.mjs";
import { ADVICE } from "../schema/limits.mjs";
import { editorOutput, explainYamlErrors, hintsFor } from "./lib/content-errors.mjs";

const root = path.resolve(import.meta.dirname, "..");
const contentDir = process.env.BROADSHEET_CONTENT_DIR ?? "content";

const build = spawnSync(process.execPath, [path.join(root, "scripts/contentlayer.mjs"), "build"], {
  // A story not yet dated is valid here: npm run publish stamps `published` when it goes live.
  env: { ...process.env, PWD: process.cwd(), BROADSHEET_UNDATED_OK: "1" },
  encoding: "utf8",
});
const output = explainYamlErrors(
  editorOutput(build.stdout, build.stderr),
  path.resolve(contentDir),
  contentDir,
);

if (build.status !== 0) {
  console.error(output + hintsFor(output));
  console.error("\nnpm run check: the content has errors (above); nothing was published.");
  process.exit(1);
}

/**
 * The stories as the content build generated them, with the raw `published` the warnings quote.
 * @type {(import("../schema/types").Story & { published?: string | null })[]}
 */
const stories = readGenerated(process.cwd(), "Story");
/** @type {string[]} */
const warnings = [];
/** @param {{ _raw: { sourceFilePath: string } }} a */
const fileOf = (a) => path.posix.join(contentDir, a._raw.sourceFilePath);

/** @type {Map<string, Map<string, string>>} */
const spellings = new Map();
for (const a of stories) {
  const file = fileOf(a);
  if (a.headline.length > ADVICE.headlineCharacters) {
    warnings.push(
      `${file}: field "headline": ${a.headline.length} characters; search engines show about ${ADVICE.headlineCharacters}, shorten it`,
    );
  }
  if (a.standfirst.length > ADVICE.standfirstCharacters) {
    warnings.push(
      `${file}: field "standfirst": ${a.standfirst.length} characters; keep it under about ${ADVICE.standfirstCharacters}`,
    );
  }
  const words = a.text.split(/\s+/).filter(Boolean).length;
  if (words > ADVICE.wordsWithoutHeading && a.headings.length === 0) {
    warnings.push(
      `${file}: field "body": ${words} words and no section heading; add "## Heading" lines to help readers find their way`,
    );
  }
  for (const topic of a.topicRefs) {
    if (!spellings.has(topic.slug)) spellings.set(topic.slug, new Map());
    const forms = /** @type {Map<string, string>} */ (spellings.get(topic.slug));
    if (!forms.has(topic.name)) forms.set(topic.name, file);
  }
}
for (const forms of spellings.values()) {
  if (forms.size > 1) {
    const list = [...forms].map(([name, file]) => `"${name}" (${file})`).join(", ");
    warnings.push(`topics: one topic is spelled ${forms.size} ways: ${list}; use one spelling`);
  }
}

// Corrections are a public record: entries are added, never changed or removed.
/** @param {{ date: unknown; kind: unknown; text: unknown }} c */
const key = (c) => JSON.stringify([String(c.date), c.kind, String(c.text).trim()]);
for (const a of stories) {
  const file = fileOf(a);
  let before;
  try {
    const abs = path.resolve(file);
    /** @param {...string} args */
    const git = (...args) =>
      execFileSync("git", ["-C", path.dirname(abs), ...args], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    const top = git("rev-parse", "--show-toplevel").trim();
    before = git("show", `HEAD:${path.relative(top, abs)}`);
  } catch {
    continue; // A new file, or no git: nothing to compare with.
  }
  const frontMatter = before.split(/^---$/m)[1] ?? "";
  let old;
  try {
    old = parseYaml(frontMatter)?.corrections ?? [];
  } catch {
    continue;
  }
  const now = new Set(
    (parseYaml(readFileSync(path.resolve(file), "utf8").split(/^---$/m)[1] ?? "")?.corrections ?? []).map(
      key,
    ),
  );
  for (const entry of old) {
    if (!now.has(key(entry))) {
      warnings.push(
        `${file}: field "corrections": the entry of ${entry.date} was changed or removed; corrections are a public record, so restore it and add a new entry instead`,
      );
    }
  }
}

// What will not be published now: drafts, and stories scheduled so far ahead they may be typos.
const DAY = 24 * 3600 * 1000;
/** @type {string[]} */
const drafts = [];
for (const a of stories) {
  if (a.draft) drafts.push(fileOf(a));
  const ahead = Date.parse(a.publishedAt ?? a.published) - Date.now();
  if (ahead > ADVICE.scheduledDaysAhead * DAY) {
    const days = Math.round(ahead / DAY);
    const far = days >= 730 ? `${Math.round(days / 365)} years` : `${days} days`;
    warnings.push(
      `${fileOf(a)}: field "published": ${a.published} is ${far} ahead; the story stays unpublished until then. If that is a typo, correct the date`,
    );
  }
}
const undated = stories
  .filter((a) => !a.draft && (a.published === undefined || a.published === null))
  .map(fileOf);
if (undated.length > 0) {
  console.log(
    `${undated.join(", ")}: no publication time yet; npm run publish writes it into the file when the story goes live`,
  );
}
if (drafts.length > 0) {
  warnings.push(
    `${drafts.length} ${drafts.length === 1 ? "draft is" : "drafts are"} not published (draft: true): ${drafts.join(", ")}`,
  );
}

for (const warning of warnings) console.warn(`warning: ${warning}`);
console.log(
  `npm run check: ${stories.length} ${stories.length === 1 ? "story" : "stories"} valid` +
    (warnings.length
      ? `, ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (above)`
      : ", no warnings"),
);
