#!/usr/bin/env node
/**
 * npm run publish: puts content/ live on every running server, without a build or a restart.
 *
 *   npm run publish                          what changed in content/ since the last publish
 *   npm run publish -- content/stories/x.md  only these files (new, changed or deleted)
 *   npm run publish -- --all                 everything (what `npm run build` does first)
 *
 * It runs the content build (Contentlayer, with every rule of the schema) on the files that
 * changed since the last publish, with the authors beside them, in a workspace of its own
 * (.broadsheet/ingest), so its cost follows the size of the change, not of the archive. Then
 * it checks what only the whole archive shows (one slug per story, an author for every story,
 * no story that was taken down), writes each new document into the store and, last, the store's
 * new manifest in one atomic rename. Running servers see the new manifest within half a
 * second (lib/store.mjs) and serve the new content from their next request.
 *
 * Any error, and nothing changes: the message names the file and the field, the store keeps
 * its manifest, every server keeps serving the last good content, and a story this publish
 * dated (stampUndated) is put back as it was.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { FRONT_MATTER } from "../schema/front-matter.mjs";
import { readGenerated } from "../schema/generated.mjs";
import { entryPlaceProblem } from "../schema/live.mjs";
import { DOCS_DIR, MANIFEST_FILE, STORE_FORMAT, storeDir } from "../lib/store.mjs";
import { storyPath } from "../lib/url.mjs";
import { editorOutput, explainYamlErrors, hintsFor } from "./lib/content-errors.mjs";

/**
 * @import { Manifest, ManifestEntry } from "../lib/store.mjs"
 * @typedef {ManifestEntry & { authors?: string[] }} Entry a manifest's entry (a story's names its authors)
 * @typedef {{ type: string; slug: string; live?: boolean; _raw: { sourceFilePath: string }; [field: string]: any }} Doc a generated document
 */

const root = path.resolve(import.meta.dirname, "..");
// The project being published: this folder's content/ and schema (a test workspace has its own).
const project = process.cwd();
const contentDir = process.env.BROADSHEET_CONTENT_DIR ?? "content";
const contentPath = path.resolve(project, contentDir);
const store = storeDir();
const started = performance.now();

const { values, positionals } = parseArgs({
  options: { all: { type: "boolean", default: false }, quiet: { type: "boolean", default: false } },
  allowPositionals: true,
});
/** @param {string} line */
const say = (line) => values.quiet || console.log(line);

/**
 * Files this publish wrote a publication time into (stampUndated): file -> its text before, the
 * hash of what was written, and the time. Until the new manifest is written, any way out (an
 * error, an exception, Ctrl-C) puts each file back, unless the editor has changed it since.
 */
/** @type {Map<string, { before: string; hash: string; time: string; restored: boolean }>} */
const stamped = new Map();
let manifestWritten = false;
process.on("exit", () => {
  if (manifestWritten) return;
  for (const [file, { before, hash }] of stamped) {
    if (existsSync(file) && sha(readFileSync(file)) === hash) writeFileSync(file, before);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`${message}\n\nnpm run publish: nothing was published; the site is unchanged.`);
  process.exit(1);
}

/** @param {string | Buffer} data */
const sha = (data) => createHash("sha256").update(data).digest("hex").slice(0, 32);
/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/**
 * Writes a file whole or not at all: a reader sees the old one or the new one.
 *
 * @param {string} file
 * @param {string} data
 */
function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/** Every file under content/, as paths relative to it, with a hash of its bytes. */
function contentFiles() {
  /** @type {Record<string, string>} */
  const files = {};
  /** @param {string} rel */
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(contentPath, rel), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else files[child] = sha(readFileSync(path.join(contentPath, child)));
    }
  };
  if (!existsSync(contentPath)) fail(`${contentDir}: no such folder; stories go in ${contentDir}/stories/`);
  walk("");
  return files;
}

/**
 * One publish at a time per store: two at once would each build on the same manifest and one
 * would silently undo the other. A lock left by a publish that died is taken over.
 */
function lock() {
  mkdirSync(store, { recursive: true });
  const file = path.join(store, ".publish.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      process.on("exit", () => rmSync(file, { force: true }));
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8"));
      try {
        process.kill(holder, 0);
        fail(`another publish (process ${holder}) is running; run this one again when it has finished`);
      } catch (gone) {
        if (/** @type {NodeJS.ErrnoException} */ (gone).code !== "ESRCH") throw gone;
        rmSync(file, { force: true }); // its process is gone
      }
    }
  }
  fail(`could not take ${file}`);
}
lock();

const manifestPath = path.join(store, MANIFEST_FILE);
const previous = existsSync(manifestPath) ? readJson(manifestPath) : null;
const full = values.all || previous === null || previous.format !== STORE_FORMAT;
const onDisk = contentFiles();
// Only the files named, when some are: the rest stay as last published, to go with a later publish.
const named = positionals.map((file) =>
  path.relative(contentPath, path.resolve(file)).split(path.sep).join("/"),
);
for (const file of named) {
  if (file.startsWith("..")) fail(`${file}: not a file in ${contentDir}/`);
  if (!(file in onDisk) && !(previous && file in previous.sources))
    fail(`${path.posix.join(contentDir, file)}: no such file`);
}
const only = named.length > 0 && !full ? new Set(named) : null;
const files = only
  ? Object.fromEntries(
      [...new Set([...Object.keys(previous.sources), ...Object.keys(onDisk)])]
        .map((f) => [f, only.has(f) ? onDisk[f] : previous.sources[f]])
        .filter(([, hash]) => hash !== undefined),
    )
  : onDisk;
const changed = Object.keys(files).filter((f) => full || previous.sources[f] !== files[f]);
const deleted = full ? [] : Object.keys(previous.sources).filter((f) => !(f in files));

/**
 * A story going live with no `published` time (`npm run new` leaves it out) gets the time of
 * this publish written into its file, so that it is dated when it was published, not when its
 * draft was started. A story the store already holds with a date gets that date back instead:
 * deleting the line by mistake must not re-date a live story. Not under --all (`npm run build`):
 * a build on a fresh clone would date the story anew at every deploy, so there the content
 * build refuses an undated story, naming it.
 *
 * @param {string[]} candidates
 */
function stampUndated(candidates) {
  if (values.all) return;
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  // A store of format 3 or earlier named its stories `articles`: their dates are kept all the same.
  const live = previous?.stories ?? previous?.articles ?? {};
  const stored = new Map(Object.values(live).map((entry) => [entry.source, entry]));
  for (const rel of candidates) {
    const file = path.join(contentPath, rel);
    const before = readFileSync(file, "utf8");
    const match = FRONT_MATTER.exec(before);
    if (!match) continue;
    let data;
    try {
      data = parseYaml(match[1] ?? "");
    } catch {
      continue; // the content build names the mistake
    }
    if (!data || typeof data !== "object" || data.draft === true) continue;
    if (data.published !== undefined && data.published !== null) continue;
    const entry = stored.get(rel);
    const earlier = entry && readJson(path.join(store, DOCS_DIR, `${entry.doc}.json`)).published;
    const time = typeof earlier === "string" ? earlier : now;
    const eol = before.includes("\r\n") ? "\r\n" : "\n";
    const line = `published: ${time}${eol}`;
    // In place of an empty `published:` line or `npm run new`'s note, else at the end.
    const frontMatter = match[1] ?? "";
    const slot = /^(?:published:[ \t]*(?:#.*)?|# published:.*)\r?\n/m;
    const dated = slot.test(frontMatter) ? frontMatter.replace(slot, line) : `${frontMatter}${line}`;
    const at = match[0].indexOf(frontMatter, match[0].indexOf("\n") + 1);
    const after = before.slice(0, at) + dated + before.slice(at + frontMatter.length);
    writeFileSync(file, after);
    const hash = sha(after);
    stamped.set(file, { before, hash, time, restored: time !== now });
    files[rel] = onDisk[rel] = hash;
  }
}
stampUndated(changed.filter((f) => f.startsWith("stories/") && f in onDisk));

if (changed.length === 0 && deleted.length === 0) {
  say(`npm run publish: nothing changed since the last publish (version ${previous.version}).`);
  process.exit(0);
}

/**
 * The content build, on everything (in the project itself) or on the changed files and every
 * author (in the ingest workspace, with the same relative paths, so that messages name the
 * files exactly as the editor knows them).
 */
function ingest() {
  let work = project;
  let workContent = contentDir;
  if (!full) {
    work = path.join(project, ".broadsheet", "ingest");
    workContent = path.isAbsolute(contentDir) ? "content" : contentDir;
    rmSync(path.join(work, workContent), { recursive: true, force: true });
    mkdirSync(path.join(work, workContent), { recursive: true });
    for (const entry of [
      "node_modules",
      "public",
      "schema",
      "lib",
      "contentlayer.config.ts",
      "site.config.mjs",
      "package.json",
    ]) {
      const link = path.join(work, entry);
      if (!existsSync(link) && existsSync(path.join(project, entry))) {
        symlinkSync(path.join(project, entry), link);
      }
    }
    const authors = Object.keys(files).filter((f) => f.startsWith("authors/") && f in onDisk);
    // A changed live entry is checked against its story (live: true), so the story comes too.
    const storiesOfEntries = changed
      .map((f) => /^live\/([^/]+)\//.exec(f)?.[1])
      .filter(Boolean)
      .flatMap((slug) =>
        Object.keys(onDisk).filter((f) => new RegExp(`^stories/(.+/)?${slug}\\.md$`).test(f)),
      );
    for (const file of new Set([...changed, ...authors, ...storiesOfEntries])) {
      mkdirSync(path.dirname(path.join(work, workContent, file)), { recursive: true });
      cpSync(path.join(contentPath, file), path.join(work, workContent, file));
    }
  }
  const build = spawnSync(process.execPath, [path.join(root, "scripts/contentlayer.mjs"), "build"], {
    cwd: work,
    // Contentlayer takes its working directory from PWD.
    env: { ...process.env, PWD: work, BROADSHEET_CONTENT_DIR: workContent },
    encoding: "utf8",
  });
  const output = explainYamlErrors(editorOutput(build.stdout, build.stderr), contentPath, contentDir);
  if (build.status !== 0) fail(output + hintsFor(output));
  /**
   * @param {string} type
   * @returns {Doc[]}
   */
  const read = (type) => readGenerated(work, type);
  return {
    stories: read("Story"),
    authors: read("Author"),
    takedowns: read("Takedown"),
    entries: read("LiveEntry"),
  };
}

const fresh = ingest();
/** @param {string} source */
const fileOf = (source) => path.posix.join(contentDir, source);

// The new manifest: the previous one, less what changed or went, plus what was just built.
const gone = new Set([...changed, ...deleted]);
/**
 * @param {Record<string, Entry>} entries
 * @returns {Record<string, Entry>}
 */
const keep = (entries) =>
  full ? {} : Object.fromEntries(Object.entries(entries).filter(([, e]) => !gone.has(e.source)));
const stories = keep(previous?.stories ?? {});
const takedowns = keep(previous?.takedowns ?? {});
const entries = keep(previous?.entries ?? {});
// Every author on disk was built again; when only some files are published, the others stay
// as last published (an author deleted or edited on disk goes with a later publish).
const authors = only ? keep(previous.authors) : {};
mkdirSync(path.join(store, DOCS_DIR), { recursive: true });

/** @type {string[]} */
const problems = [];
/**
 * @param {Record<string, Entry>} entries
 * @param {Doc} doc
 */
function put(entries, doc, key = doc.slug) {
  const source = doc._raw.sourceFilePath;
  const other = entries[key];
  if (other && other.source !== source) {
    problems.push(
      `${fileOf(source)}: field "slug": "${doc.slug}" is also the slug of ${fileOf(other.source)}; rename one of the files`,
    );
    return;
  }
  const json = JSON.stringify(doc);
  const hash = sha(json);
  const file = path.join(store, DOCS_DIR, `${hash}.json`);
  if (!existsSync(file)) writeAtomic(file, json);
  entries[key] =
    doc.type === "Story" ? { source, doc: hash, authors: doc.authorSlugs } : { source, doc: hash };
}
for (const doc of fresh.authors) if (!only || changed.includes(doc._raw.sourceFilePath)) put(authors, doc);
for (const doc of fresh.takedowns) put(takedowns, doc);
for (const doc of fresh.stories) put(stories, doc);
// A live story's entries, by story and entry: "<story slug>/<entry slug>".
for (const doc of fresh.entries) put(entries, doc, `${doc.storySlug}/${doc.slug}`);

// What only the whole archive shows.
/**
 * @param {Entry} entry
 * @returns {Doc}
 */
const docOf = (entry) => readJson(path.join(store, DOCS_DIR, `${entry.doc}.json`));
for (const [slug, entry] of Object.entries(stories)) {
  if (slug in takedowns) {
    problems.push(
      `${fileOf(entry.source)}: field "slug": "${slug}" was taken down (${fileOf(takedowns[slug].source)}); to publish it again, delete that file first`,
    );
  }
}
for (const entry of Object.values(stories)) {
  const doc = entry.authors ? null : docOf(entry);
  /** @type {string[]} */
  const slugs = entry.authors ?? /** @type {Doc} */ (doc).authorSlugs;
  const missing = slugs.filter((slug) => !(slug in authors));
  if (missing.length > 0) {
    const field = (doc ?? docOf(entry)).authors !== undefined ? "authors" : "author";
    problems.push(
      `${fileOf(entry.source)}: field "${field}": ${missing.map((s) => `no author "${s}"`).join(", ")}; add ${missing.map((s) => `${contentDir}/authors/${s}.md`).join(" and ")} or use one of: ${Object.keys(authors).join(", ")}`,
    );
  }
}
// Every live entry belongs to a live story in the archive (the story may not have changed).
for (const [key, entry] of Object.entries(entries)) {
  const storySlug = key.slice(0, key.indexOf("/"));
  const story = stories[storySlug];
  const problem = entryPlaceProblem(fileOf(entry.source), storySlug, story && docOf(story));
  if (problem) problems.push(problem);
}
if (problems.length > 0) fail(`Error: invalid content\n${problems.map((p) => `  • ${p}`).join("\n")}`);

const manifest = {
  format: STORE_FORMAT,
  version: (previous?.version ?? 0) + 1,
  id: randomUUID(),
  writtenAt: new Date().toISOString(),
  stories,
  authors,
  takedowns,
  entries,
  sources: files,
};
writeAtomic(manifestPath, JSON.stringify(manifest));
manifestWritten = true;

// Documents neither this manifest nor the one before names, once no server can still be
// reading them (one that read the previous manifest a moment ago is still loading its documents).
// (A manifest of an older format may lack some of these lists.)
/** @param {Manifest} m */
const docsOf = (m) =>
  [m.stories, m.authors, m.takedowns, m.entries].flatMap((e) => Object.values(e ?? {}).map((x) => x.doc));
const referenced = new Set([...docsOf(manifest), ...(previous ? docsOf(previous) : [])]);
const cutoff = Date.now() - 10 * 60_000;
for (const name of readdirSync(path.join(store, DOCS_DIR))) {
  const file = path.join(store, DOCS_DIR, name);
  if (!referenced.has(name.replace(/\.json$/, "")) && statSync(file).mtimeMs < cutoff) unlinkSync(file);
}

// What the editor should know: what changed, and what is in the store but not public.
const now = Date.now();
const touched = fresh.stories.filter((a) => full || changed.includes(a._raw.sourceFilePath));
/** @type {string[]} */
const lines = [];
for (const story of touched) {
  const file = fileOf(story._raw.sourceFilePath);
  if (story.draft) lines.push(`  ${file}: a draft (draft: true), so not published`);
  else if (Date.parse(story.publishedAt) > now) {
    lines.push(`  ${file}: scheduled; goes live by itself at ${story.publishedAt}`);
  } else if (!full) lines.push(`  ${file}: live at ${story.url}`);
}
for (const [file, { time, restored }] of stamped) {
  lines.push(
    restored
      ? `  ${path.relative(project, file)}: its published time was missing; the one it was published with (${time}) is written back; commit it`
      : `  ${path.relative(project, file)}: dated now (published: written into the file); commit it`,
  );
}
for (const file of deleted.filter((f) => f.startsWith("stories/"))) {
  lines.push(`  ${fileOf(file)}: deleted, so no longer published`);
}
for (const takedown of fresh.takedowns.filter((t) => full || changed.includes(t._raw.sourceFilePath))) {
  if (!full) lines.push(`  ${storyPath(takedown.slug)}: taken down; answers 410 Gone`);
}
const ms = Math.round(performance.now() - started);
say(
  `npm run publish: version ${manifest.version}, ${Object.keys(stories).length} stories in the store; ` +
    `${changed.length} file(s) built, ${deleted.length} deleted, in ${ms} ms.`,
);
if (lines.length) say(lines.join("\n"));
say("Running servers show it within a few seconds.");
