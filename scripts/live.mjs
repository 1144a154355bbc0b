#!/usr/bin/env node
/**
 * Starts an entry of a live story: npm run live -- <story slug> "Title" [--key] [--pinned]
 *
 * Writes content/live/<story slug>/<yyyymmdd-hhmmss>-<title words>.md (a name that sorts by
 * time, transliterated to Latin letters as `npm run new` does) with `time:` now, the title, and
 * a body that says FILL IN, which the content build and `npm run check` reject until the editor
 * writes the entry. `npm run publish` then puts it live. The story must exist and be live
 * coverage that has not ended; an existing file is never overwritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { FRONT_MATTER } from "../schema/front-matter.mjs";
import { PLACEHOLDER } from "../schema/placeholder.mjs";
import { fileNameFrom } from "./lib/file-name.mjs";

const USAGE = 'usage: npm run live -- <story slug> "Title of the entry" [--key] [--pinned]';
let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { key: { type: "boolean", default: false }, pinned: { type: "boolean", default: false } },
  });
} catch (error) {
  console.error(`${/** @type {Error} */ (error).message}\n${USAGE}`);
  process.exit(2);
}
const [storySlug, ...words] = args.positionals;
const title = words.join(" ").replace(/\s+/g, " ").trim();
if (!storySlug || !title) {
  console.error(USAGE);
  process.exit(2);
}

const contentDir = path.resolve(process.env.BROADSHEET_CONTENT_DIR ?? "content");
/** @param {string} file */
const relative = (file) => path.relative(process.cwd(), file);

/** Every story file (content/stories/**\/<slug>.md), by slug, with what its front matter says. */
function stories() {
  /** @type {Map<string, { file: string; live: boolean; ended: boolean }>} */
  const found = new Map();
  /** @param {string} dir */
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".md")) {
        /** @type {{ live?: unknown; coverageEnd?: unknown }} */
        let fields = {};
        try {
          fields = parse(FRONT_MATTER.exec(readFileSync(file, "utf8"))?.[1] ?? "") ?? {};
        } catch {
          // Front matter YAML cannot read: npm run check explains it; here the story is not live.
        }
        found.set(entry.name.slice(0, -3), {
          file,
          live: fields.live === true,
          ended: Boolean(fields.coverageEnd),
        });
      }
    }
  };
  walk(path.join(contentDir, "stories"));
  return found;
}

const all = stories();
const live = [...all].filter(([, s]) => s.live && !s.ended).map(([slug]) => slug);
const liveList = live.length > 0 ? `live stories: ${live.join(", ")}` : "no story is live now";
const story = all.get(storySlug);
if (!story) {
  console.error(
    `there is no story "${storySlug}" in ${relative(path.join(contentDir, "stories"))}; ${liveList}`,
  );
  process.exit(1);
}
if (!story.live) {
  console.error(
    `${relative(story.file)} is not live coverage; add live: true to its front matter, or use one of the ${liveList}`,
  );
  process.exit(1);
}
if (story.ended) {
  console.error(
    `${relative(story.file)}: its coverage has ended (coverageEnd); remove coverageEnd to reopen it, or use one of the ${liveList}`,
  );
  process.exit(1);
}

const now = new Date();
const stamp = now.toISOString().slice(0, 19); // 2026-11-29T20:45:12
const name = `${stamp.replace(/[-:]/g, "").replace("T", "-")}${(fileNameFrom(title, 60) && "-") + fileNameFrom(title, 60)}`;
const dir = path.join(contentDir, "live", storySlug);
const file = path.join(dir, `${name}.md`);
if (existsSync(file)) {
  console.error(`${relative(file)} already exists; wait a second and run again, or edit that entry`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(
  file,
  [
    "---",
    `time: ${stamp}Z`,
    `title: ${JSON.stringify(title)}`,
    ...(args.values.key ? ["key: true"] : []),
    ...(args.values.pinned ? ["pinned: true"] : []),
    "---",
    "",
    `${PLACEHOLDER}: what happened, in a few sentences. Links, images and embeds as in a story.`,
    "",
  ].join("\n"),
  { flag: "wx" },
);
console.log(
  `created ${relative(file)}: write the entry in place of ${PLACEHOLDER}, then run npm run publish`,
);
