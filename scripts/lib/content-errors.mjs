/**
 * What the content build printed, made readable for an editor: Contentlayer's internal lines
 * dropped, and for each kind of its own messages, what to do about it. Used by `npm run check`
 * and `npm run publish`.
 */
const HINTS = [
  [/missing the following required fields/, "add each missing field (docs/editing.md lists them all)"],
  [/extra fields/, "remove the field, or correct its spelling (docs/editing.md lists the fields)"],
  [
    /Couldn't determine the document type/,
    "a story is a .md file in stories/ (an author's in authors/, a takedown's in takedowns/); rename, move or remove the file",
  ],
  [/incompatible/i, "give the field a value of the right kind (a list for topics, true or false for draft)"],
];

/** The build's output without Contentlayer's own progress lines. */
export const editorOutput = (stdout, stderr) =>
  `${stdout}\n${stderr}`
    .split("\n")
    .filter((line) => !line.startsWith("successCallback") && line.trim() !== "")
    .join("\n");

/** "How to fix" lines for the messages in `output`, or "" when none applies. */
export function hintsFor(output) {
  const hints = HINTS.filter(([pattern]) => pattern.test(output)).map(([, hint]) => hint);
  return hints.length ? `\nHow to fix:\n${hints.map((h) => `  - ${h}`).join("\n")}` : "";
}
