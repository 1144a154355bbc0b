#!/usr/bin/env node
/**
 * Takes a story down, for legal reasons say: npm run takedown -- <slug> --reason "Why"
 *
 * Deletes the story's file, records the takedown in content/takedowns/<slug>.md (when, and why,
 * for the newsroom's record: readers never see the reason) and publishes just those two files,
 * whatever else is waiting in content/. Within seconds the story's page and social image answer
 * 410 Gone, and it is gone from every list, feed, sitemap and search. Commit both changes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MANIFEST_FILE, storeDir } from "../lib/store.mjs";

const { values, positionals } = parseArgs({
  options: { reason: { type: "string" } },
  allowPositionals: true,
});
const [slug] = positionals;
if (!slug || positionals.length > 1 || !values.reason?.trim()) {
  console.error('usage: npm run takedown -- <story-slug> --reason "Why it is taken down"');
  process.exit(2);
}
const contentDir = path.resolve(process.env.BROADSHEET_CONTENT_DIR ?? "content");

/** @type {string[]} */
const found = [];
/** @param {string} dir */
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name === `${slug}.md`) found.push(file);
  }
};
walk(path.join(contentDir, "stories"));
// A story still live but whose file is already gone from this checkout: name it all the same.
const manifest = path.join(storeDir(), MANIFEST_FILE);
/** @type {{ stories?: Record<string, { source: string }>; articles?: Record<string, { source: string }> } | null} */
const stored = existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")) : null;
// A store written before STORE_FORMAT 4 named its stories `articles`.
const live = (stored?.stories ?? stored?.articles)?.[slug];
if (live && !found.includes(path.join(contentDir, live.source)))
  found.push(path.join(contentDir, live.source));
const record = path.join(contentDir, "takedowns", `${slug}.md`);
if (found.length === 0 && !existsSync(record)) {
  console.error(
    `no story "${slug}" in ${path.relative(process.cwd(), contentDir)}/stories/: give the slug, the file name without .md`,
  );
  process.exit(1);
}
if (!existsSync(record)) {
  mkdirSync(path.dirname(record), { recursive: true });
  writeFileSync(
    record,
    `---\nremoved: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}\nreason: ${JSON.stringify(values.reason.trim())}\n---\n`,
  );
}
for (const file of found) rmSync(file, { force: true });

const publish = spawnSync(
  process.execPath,
  [path.join(import.meta.dirname, "publish.mjs"), record, ...found],
  { stdio: "inherit" },
);
process.exit(publish.status ?? 1);
