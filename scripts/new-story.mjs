#!/usr/bin/env node
/**
 * Starts a story: npm run new -- "Headline of the story"
 *
 * Writes content/stories/<slug>.md with the slug made from the headline, the current date-time,
 * and every required field either filled or marked FILL IN, which the content build and
 * `npm run check` reject until an editor replaces it. The story starts as a draft. An existing
 * story is never overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { slug } from "github-slugger";

const headline = process.argv.slice(2).join(" ").replace(/\s+/g, " ").trim();
if (!headline) {
  console.error('usage: npm run new -- "Headline of the story"');
  process.exit(2);
}
// Lower-case ASCII words joined by hyphens, as the content build requires: "Café" -> "cafe".
const name = slug(headline.normalize("NFD").replace(/\p{M}/gu, ""))
  .replace(/[^a-z0-9-]/g, "")
  .replace(/-+/g, "-")
  .replace(/^-|-$/g, "")
  .slice(0, 80)
  .replace(/-$/, "");
if (!name) {
  console.error(`"${headline}" gives no usable file name; use a headline with letters or digits`);
  process.exit(2);
}
const dir = path.resolve(process.env.BROADSHEET_CONTENT_DIR ?? "content", "stories");
const file = path.join(dir, `${name}.md`);
if (existsSync(file)) {
  console.error(
    `${path.relative(process.cwd(), file)} already exists; choose another headline or edit that story`,
  );
  process.exit(1);
}
const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const quoted = JSON.stringify(headline);
mkdirSync(dir, { recursive: true });
writeFileSync(
  file,
  `---
headline: ${quoted}
standfirst: "FILL IN: one or two sentences under the headline, saying nothing the story does not"
published: ${now}
author: "FILL IN: the author's slug, the name of their file in content/authors without .md"
section: "FILL IN: World, Politics, Business, Technology, Science or Culture"
topics:
  - "FILL IN: what the story is about"
draft: true
---

FILL IN: the story. Section headings are written "## Heading".
`,
);
console.log(
  `created ${path.relative(process.cwd(), file)} (a draft): fill in every FILL IN, then run npm run check`,
);
