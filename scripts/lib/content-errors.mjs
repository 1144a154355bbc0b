// @ts-check
import { readFileSync } from "node:fs";
import path from "node:path";
import { describeFrontMatterProblem, explainFrontMatter } from "./front-matter.mjs";

/**
 * What the content build printed, made readable for an editor: Contentlayer's internal lines
 * dropped, and for each kind of its own messages, what to do about it. Used by `npm run check`
 * and `npm run publish`.
 */
/** @type {[pattern: RegExp, hint: string][]} */
const HINTS = [
  [/missing the following required fields/, "add each missing field (docs/editing.md lists them all)"],
  [/extra fields/, "remove the field, or correct its spelling (docs/editing.md lists the fields)"],
  [
    /Couldn't determine the document type/,
    "a story is a .md file in stories/ (an author's in authors/, a takedown's in takedowns/); rename, move or remove the file",
  ],
  [
    /YAMLParseError/,
    "the front matter (between the --- lines) is YAML: one field per line as name: value, a value with a colon or a quote in quotes",
  ],
  [
    /incompatible/i,
    "give the field a value of the right kind: a list for topics and authors (one per line, like  - Trade), one slug for author, true or false for draft",
  ],
];

/**
 * The build's output without Contentlayer's own progress lines.
 *
 * @param {string} stdout
 * @param {string} stderr
 */
export const editorOutput = (stdout, stderr) =>
  `${stdout}\n${stderr}`
    .split("\n")
    .filter((line) => !line.startsWith("successCallback") && line.trim() !== "")
    .join("\n");

/**
 * "How to fix" lines for the messages in `output`, or "" when none applies.
 *
 * @param {string} output
 */
export function hintsFor(output) {
  const hints = HINTS.filter(([pattern]) => pattern.test(output)).map(([, hint]) => hint);
  return hints.length ? `\nHow to fix:\n${hints.map((h) => `  - ${h}`).join("\n")}` : "";
}

/**
 * Contentlayer's report of front matter YAML cannot read ("YAMLParseError: Nested mappings are
 * not allowed in compact mappings at line 2…", often at the wrong line) replaced with what is
 * wrong in plain words, at the line of the mistake, with the fix (scripts/lib/front-matter.mjs).
 * `contentPath` is where the files are; `label` is the folder name the editor knows them by.
 *
 * @param {string} output
 * @param {string} contentPath
 * @param {string} label
 */
export function explainYamlErrors(output, contentPath, label) {
  const lines = output.split("\n");
  const explained = [];
  for (let i = 0; i < lines.length; i++) {
    const failed = /• "([^"]+)" failed with YAMLParseError/.exec(lines[i]);
    let found = null;
    if (failed) {
      try {
        found = explainFrontMatter(readFileSync(path.join(contentPath, failed[1]), "utf8"));
      } catch {
        found = null; // unreadable: Contentlayer's own words stand
      }
    }
    if (!failed || !found) {
      explained.push(lines[i]);
      continue;
    }
    const bullet = lines[i].indexOf("•");
    explained.push(
      `${lines[i].slice(0, bullet)}• ${describeFrontMatterProblem(path.posix.join(label, failed[1]), found)}`,
    );
    // YAML's own excerpt of the file, up to the next document or group of the report.
    while (i + 1 < lines.length && !/•|├──|└──/.test(lines[i + 1])) i++;
  }
  return explained.join("\n");
}
