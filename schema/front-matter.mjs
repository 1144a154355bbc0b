/**
 * A file's front matter, as the content build reads it: a line of three hyphens (trailing
 * spaces allowed), the YAML, and another such line. Group 1 is the YAML, with its last line
 * break (undefined when it is empty). One pattern for the Markdown pipeline, the YAML explainer
 * and `npm run publish`, which writes `published` into it.
 */
export const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The opening line alone: front matter that starts but never ends. */
export const FRONT_MATTER_OPENING = /^\uFEFF?---[ \t]*\r?\n/;
