// @ts-check
/**
 * Front matter that YAML cannot read, explained in an editor's words, at the line where the
 * mistake is rather than where the YAML parser gave up: an unclosed quote on line 3 makes it
 * fail at line 9, and "headline: Trade talks: what next" gets "Nested mappings are not allowed
 * in compact mappings". Used by `npm run check` and `npm run publish` (content-errors.mjs).
 */
import { parseDocument } from "yaml";
import { FRONT_MATTER, FRONT_MATTER_OPENING } from "../../schema/front-matter.mjs";

/**
 * @typedef {{ field: string | null; problem: string; closer?: string }} LineProblem
 * @typedef {{ line: number; field: string | null; problem: string }} FrontMatterProblem
 */

/**
 * The front matter's text and the file line its first line is on, or null when there is none.
 *
 * @param {string} text
 */
function frontMatterOf(text) {
  const match = FRONT_MATTER.exec(text);
  return match ? { source: match[1] ?? "", firstLine: 2 } : null;
}

/** `key: value` and `- value` lines; the key is null for a list item. */
const ENTRY = /^(\s*)(?:-\s+)?(?:([A-Za-z_][\w.-]*):(?=\s|$))?[ \t]*(.*)$/;
/**
 * A line's parts as ENTRY reads them (every line of one line matches: each part is optional).
 *
 * @param {string} line
 */
const entryOf = (line) => /** @type {RegExpExecArray} */ (ENTRY.exec(line));
/** @param {string} line how many spaces it starts with */
const indentOf = (line) => /** @type {RegExpExecArray} */ (/^ */.exec(line))[0].length;
const BLOCK_SCALAR = /^[|>][+-]?\d*\s*(#.*)?$/;
/** Characters YAML reserves at the start of a plain value. */
const RESERVED_START = /^[@`*&!%?]/;

/** @param {string} value */
const quotedForYaml = (value) =>
  value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);

/**
 * Where a quoted value closes: the index of its closing quote, or -1.
 *
 * @param {string} value
 */
function closingQuote(value) {
  const quote = value[0];
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === "\\") i++;
    else if (value[i] === quote) {
      if (quote === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * What is wrong with one line of front matter, as { field, problem }, or null.
 *
 * @param {string} line
 * @returns {LineProblem | null}
 */
function lineProblem(line) {
  if (/^ *\t/.test(line)) {
    return { field: null, problem: "is indented with a tab; YAML needs spaces: indent with two spaces" };
  }
  const [, , key, rawValue] = entryOf(line);
  const value = rawValue.trim();
  const field = key ?? null;
  const name = key ? `${key}: ` : "- ";
  if (value === "" || value.startsWith("#") || BLOCK_SCALAR.test(value)) return null;
  if (value.startsWith('"') || value.startsWith("'")) {
    const close = closingQuote(value);
    const mark = value[0] === '"' ? 'double quote (")' : "single quote (')";
    if (close === -1) {
      return {
        field,
        closer: value[0],
        problem: `the ${mark} that opens the value is never closed; end the value with the same quote on this line: ${name}${value}${value[0]}`,
      };
    }
    const rest = value.slice(close + 1).trim();
    if (rest !== "" && !rest.startsWith("#")) {
      return {
        field,
        problem: `there is text after the closing quote (${JSON.stringify(rest)}); put the whole value inside quotes: ${name}${quotedForYaml(value)}`,
      };
    }
    return null;
  }
  if (value.startsWith("[") && !value.includes("]")) {
    return {
      field,
      closer: "]",
      problem: `the list opened with "[" is never closed; end it with "]" on this line`,
    };
  }
  if (value.startsWith("{") && !value.includes("}")) {
    return {
      field,
      closer: "}",
      problem: `the "{" that opens the value is never closed; put the value in quotes: ${name}${quotedForYaml(value)}`,
    };
  }
  const withoutComment = value.replace(/\s+#.*$/, "");
  if (/:(\s|$)/.test(withoutComment)) {
    return { field, problem: `a value with a colon needs quotes: ${name}${quotedForYaml(withoutComment)}` };
  }
  if (RESERVED_START.test(value)) {
    return {
      field,
      problem: `a value may not start with "${value[0]}" unless it is in quotes: ${name}${quotedForYaml(value)}`,
    };
  }
  return null;
}

/** @param {string} line whether YAML reads this one line on its own */
const readsAlone = (line) => parseDocument(line.trim(), { prettyErrors: false }).errors.length === 0;

/**
 * The line, after `from`, on which a quote or bracket opened on line `from` closes, among the
 * lines indented under it (the rest of the same value); -1 when it never does.
 *
 * @param {string[]} lines
 * @param {number} from
 * @param {number} indent
 * @param {string} closer
 */
function closedLater(lines, from, indent, closer) {
  for (let j = from + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line.trim() === "") continue;
    if (indentOf(line) <= indent) return -1;
    if (line.includes(closer)) return j;
  }
  return -1;
}

/**
 * The front matter's first mistake, as { line (in the file), field, problem }, or null when
 * YAML reads it. Lines are read top down; the first line that looks wrong, at or above the line
 * where YAML gave up, is the one reported. When no line looks wrong, YAML's own finding is
 * given with its line.
 *
 * @param {string} text the whole file
 * @returns {FrontMatterProblem | null}
 */
export function explainFrontMatter(text) {
  const front = frontMatterOf(text);
  if (front === null) {
    if (!FRONT_MATTER_OPENING.test(text)) return null;
    return {
      line: 1,
      field: null,
      problem:
        "the front matter that starts here is never closed; add a line of three hyphens (---) after the last field, before the story's text",
    };
  }
  const document = parseDocument(front.source, { uniqueKeys: true, prettyErrors: false });
  const error = document.errors[0];
  if (!error) return null;
  const lines = front.source.split(/\r?\n/);
  const errorLine = error.linePos?.[0]?.line ?? lines.length;

  if (error.code === "DUPLICATE_KEY") {
    /** @type {Map<string, number>} */
    const seen = new Map();
    for (const [i, line] of lines.entries()) {
      const key = /^([A-Za-z_][\w.-]*):/.exec(line)?.[1];
      if (!key) continue;
      if (seen.has(key)) {
        return {
          line: front.firstLine + i,
          field: key,
          problem: `appears twice (lines ${front.firstLine + /** @type {number} */ (seen.get(key))} and ${front.firstLine + i}); keep one`,
        };
      }
      seen.set(key, i);
    }
  }

  // Lines inside a block value (standfirst: >-) are text, not fields.
  let blockIndent = -1;
  for (let i = 0; i < Math.min(lines.length, errorLine); i++) {
    const line = lines[i];
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const indent = indentOf(line);
    if (blockIndent >= 0 && indent > blockIndent) continue;
    blockIndent = -1;
    const found = lineProblem(line);
    if (found?.closer) {
      // A quote or bracket may close on a later line of the same value (a value may go on over
      // lines indented under its field): then those lines are the value, and all is well.
      const closes = closedLater(lines, i, indent, found.closer);
      if (closes >= 0) {
        i = closes;
        continue;
      }
    }
    // Other findings hold only if YAML cannot read the line by itself either (a colon in a
    // comment, say, is fine).
    if (found && (found.closer || found.field === null || !readsAlone(line))) {
      return { line: front.firstLine + i, field: found.field, problem: found.problem };
    }
    const [, lead, key, value] = entryOf(line);
    if (key && BLOCK_SCALAR.test(value.trim())) blockIndent = lead.length;
  }
  const where = front.firstLine + errorLine - 1;
  const reason = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return {
    line: where,
    field: null,
    problem: `YAML cannot read the front matter here (${reason}); look at this line and the lines above it for a quote, bracket or indentation that is not right`,
  };
}

/**
 * The explanation as one line of an error report: "content/stories/x.md, line 3: field …".
 *
 * @param {string} file
 * @param {FrontMatterProblem} found
 */
export function describeFrontMatterProblem(file, found) {
  const field = found.field ? `field "${found.field}": ` : "";
  return `${file}, line ${found.line}: ${field}${found.problem}`;
}
