#!/usr/bin/env node
/**
 * Starts a story: npm run new -- "Headline of the story"
 *
 * Writes content/stories/<slug>.md with the slug made from the headline (in any script:
 * transliterated to Latin letters), and every required field either filled or marked FILL IN,
 * which the content build and `npm run check` reject until an editor replaces it. The story
 * starts as a draft with no publication time: `npm run publish` stamps it when the story goes
 * live. An existing story is never overwritten.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PLACEHOLDER } from "../schema/placeholder.mjs";
import { sectionNames } from "../site.config.mjs";
import { fileNameFrom } from "./lib/file-name.mjs";

const headline = process.argv.slice(2).join(" ").replace(/\s+/g, " ").trim();
if (!headline) {
  console.error('usage: npm run new -- "Headline of the story"');
  process.exit(2);
}
const fromHeadline = fileNameFrom(headline, 80);
// A headline with nothing to transliterate (only emoji, say): the date and a short random id.
const name =
  fromHeadline || `story-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString("hex")}`;
const dir = path.resolve(process.env.BROADSHEET_CONTENT_DIR ?? "content", "stories");
const file = path.join(dir, `${name}.md`);
if (existsSync(file)) {
  console.error(
    `${path.relative(process.cwd(), file)} already exists; choose another headline or edit that story`,
  );
  process.exit(1);
}
const quoted = JSON.stringify(headline);
/** "World, Politics, ... or Culture": the sections of site.config.mjs. */
const sectionList = `${sectionNames.slice(0, -1).join(", ")} or ${sectionNames.at(-1)}`;
mkdirSync(dir, { recursive: true });
writeFileSync(
  file,
  `---
headline: ${quoted}
standfirst: "${PLACEHOLDER}: one or two sentences under the headline, saying nothing the story does not"
# published: npm run publish writes the time here when the story goes live; to schedule it, write one
author: "${PLACEHOLDER}: the author's slug, the name of their file in content/authors without .md"
section: "${PLACEHOLDER}: ${sectionList}"
topics:
  - "${PLACEHOLDER}: what the story is about"
draft: true
---

${PLACEHOLDER}: the story. Section headings are written "## Heading".
`,
);
console.log(
  `created ${path.relative(process.cwd(), file)} (a draft): fill in every ${PLACEHOLDER}, then run npm run check`,
);
