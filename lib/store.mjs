// @ts-check
/**
 * The published content as running servers see it: the store that `npm run publish` writes
 * (scripts/publish.mjs), read at run time rather than compiled into the build, so that
 * publishing needs no build and no restart.
 *
 * The store is a folder (BROADSHEET_STORE, default .broadsheet/store):
 *   docs/<hash>.json   one Contentlayer document each, named by a hash of its JSON (never rewritten)
 *   manifest.json      which document is current for each story, author and takedown, and a
 *                      version; replaced whole by an atomic rename, so a reader sees the old
 *                      manifest or the new one, never half of one
 *
 * Each server process keeps one snapshot in memory and checks the manifest every
 * BROADSHEET_POLL_MS (default 500 ms, a stat() call); when it changed, only the documents whose
 * hash changed are read, and the new snapshot replaces the old one at once. A manifest that
 * cannot be read whole (a document missing, bad JSON) leaves the last good snapshot in place.
 *
 * One instance of this module serves the whole process (a globalThis singleton): server.mjs,
 * Next's cache handler (lib/cache-handler.mjs) and the bundled pages each load their own copy
 * of this file, and all of them must see the same snapshot at the same moment.
 *
 * In development (`next dev` beside `contentlayer2 dev`) the content comes from Contentlayer's
 * own output in .contentlayer/generated instead, reloaded when it changes.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { generatedDir, readDocuments } from "../schema/generated.mjs";

/**
 * One JSON line of the server's log: through lib/server-log.mjs when the server runs (it
 * registers itself on globalThis: this module is also bundled into Next's own code), else
 * straight to the console (scripts, tests, `next dev`).
 *
 * @param {Record<string, unknown>} fields
 * @param {"stdout" | "stderr"} [to]
 */
export function logEvent(fields, to = "stdout") {
  const serverLog = /** @type {any} */ (globalThis)[Symbol.for("broadsheet.log")];
  if (serverLog) return serverLog(fields, to);
  const line = JSON.stringify({ time: new Date().toISOString(), ...fields });
  if (to === "stderr") console.error(line);
  else console.log(line);
}

export const MANIFEST_FILE = "manifest.json";
export const DOCS_DIR = "docs";
/**
 * Raised when the documents' shape changes (2: authorSlugs, for co-bylines; 3: live entries; 4:
 * the type Article became Story, and the manifest's articles its stories): a
 * publish then rebuilds all.
 */
export const STORE_FORMAT = 4;

/** Where the store is; the publisher and every server must agree. */
// (turbopackIgnore: a path known only at run time; the build must not trace the project for it.)
export const storeDir = () =>
  path.resolve(
    /* turbopackIgnore: true */ process.env.BROADSHEET_STORE ??
      path.join(/* turbopackIgnore: true */ process.cwd(), ".broadsheet", "store"),
  );

/**
 * The one rule for what readers may see, judged when they ask: not a draft, and its publication
 * time has come. (A story that was taken down is not in the store at all.)
 *
 * @param {{ draft?: boolean; publishedAt: string }} story
 * @param {number} [now]
 */
export function isPublic(story, now = Date.now()) {
  return !story.draft && Date.parse(story.publishedAt) <= now;
}

/**
 * @typedef {{ slug: string; publishedAt: string; draft?: boolean; _raw: { sourceFilePath: string } }} StoredStory
 * @typedef {{ slug: string; _raw: { sourceFilePath: string } }} StoredAuthor
 * @typedef {{ slug: string; removedAt: string; _raw: { sourceFilePath: string } }} StoredTakedown
 * @typedef {{ slug: string; storySlug: string; timeAt: string; _raw: { sourceFilePath: string } }} StoredEntry
 * @typedef {{ source: string; doc: string }} ManifestEntry
 * @typedef {{
 *   format: number; version: number; id: string; writtenAt: string;
 *   stories: Record<string, ManifestEntry>; authors: Record<string, ManifestEntry>;
 *   takedowns: Record<string, ManifestEntry>; entries?: Record<string, ManifestEntry>;
 *   sources: Record<string, string>;
 * }} Manifest
 * @typedef {{
 *   version: number | string;
 *   id: string;
 *   first: boolean;
 *   changedAt: number;
 *   stories: StoredStory[];
 *   authors: StoredAuthor[];
 *   takedowns: Map<string, StoredTakedown>;
 *   entries: StoredEntry[];
 *   hashes: Map<string, string>;
 *   dueTimes: number[];
 * }} Snapshot
 */

/** Publication times of the stories that are not drafts, oldest first, for dueCount(). */
const dueTimesOf = (/** @type {StoredStory[]} */ stories) =>
  stories
    .filter((a) => !a.draft)
    .map((a) => Date.parse(a.publishedAt))
    .sort((a, b) => a - b);

/**
 * How many stories are public at `now` (drafts aside): it changes exactly when a scheduled
 * story's time comes, which is when every page that lists stories must be made again.
 *
 * @param {Snapshot} snapshot
 * @param {number} now
 */
export function dueCount(snapshot, now) {
  const times = snapshot.dueTimes;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The moment from which a page this process stored is current: the later of when this content
 * arrived (by this process's clock) and when the most recent scheduled story came due.
 *
 * @param {Snapshot} snapshot
 * @param {number} now
 */
export function validFrom(snapshot, now) {
  return Math.max(snapshot.changedAt, dueTimeBefore(snapshot, now));
}

/**
 * When the latest story to come due did (0 if none): every page made before then may lack it.
 *
 * @param {Snapshot} snapshot
 * @param {number} now
 */
export function dueTimeBefore(snapshot, now) {
  const due = dueCount(snapshot, now);
  return due > 0 ? snapshot.dueTimes[due - 1] : 0;
}

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/**
 * Reads the store's manifest and the documents that changed since `previous`.
 *
 * @param {string} dir
 * @param {Snapshot | null} previous
 * @returns {Snapshot}
 */
function loadFromStore(dir, previous) {
  /** @type {Manifest} */
  const manifest = readJson(path.join(dir, MANIFEST_FILE));
  if (manifest.format !== STORE_FORMAT) {
    throw new Error(`${dir}/${MANIFEST_FILE}: store format ${manifest.format}, expected ${STORE_FORMAT}`);
  }
  const known = new Map();
  if (previous) {
    for (const list of [previous.stories, previous.authors, previous.takedowns.values(), previous.entries]) {
      for (const doc of list) known.set(previous.hashes.get(doc._raw.sourceFilePath), doc);
    }
  }
  const hashes = new Map();
  /** @param {Record<string, ManifestEntry>} entries */
  const docs = (entries) =>
    Object.values(entries).map(({ source, doc }) => {
      hashes.set(source, doc);
      return known.get(doc) ?? readJson(path.join(dir, DOCS_DIR, `${doc}.json`));
    });
  const stories = /** @type {StoredStory[]} */ (docs(manifest.stories));
  const authors = /** @type {StoredAuthor[]} */ (docs(manifest.authors));
  const takedowns = /** @type {StoredTakedown[]} */ (docs(manifest.takedowns ?? {}));
  const entries = /** @type {StoredEntry[]} */ (docs(manifest.entries ?? {}));
  return {
    version: manifest.version,
    // Unique per publish (the version counter alone could repeat if a store is made anew).
    id: manifest.id ?? `v${manifest.version}-${manifest.writtenAt}`,
    first: previous === null,
    changedAt: Date.now(),
    stories,
    authors,
    takedowns: new Map(takedowns.map((t) => [t.slug, t])),
    entries,
    hashes,
    dueTimes: dueTimesOf(stories),
  };
}

/**
 * Development: Contentlayer's own output, which `contentlayer2 dev` rewrites on every change.
 *
 * @param {string} dir
 * @returns {Snapshot}
 */
function loadFromGenerated(dir) {
  /** @param {string} type */
  const read = (type) => readDocuments(dir, type);
  const stories = read("Story");
  /** @type {StoredTakedown[]} */
  const takedowns = read("Takedown");
  return {
    version: `dev-${Date.now()}`,
    id: `dev-${Date.now()}`,
    first: false,
    changedAt: Date.now(),
    stories,
    authors: read("Author"),
    takedowns: new Map(takedowns.map((t) => [t.slug, t])),
    entries: read("LiveEntry"),
    hashes: new Map(),
    dueTimes: dueTimesOf(stories),
  };
}

/**
 * A store reader: the first snapshot now, then a new one whenever the manifest changes.
 * (contentStore() below is the process's one; tests make their own.)
 *
 * @param {{ dir: string; development?: boolean; pollMs?: number }} options
 */
export function createStore({ dir, development = false, pollMs = 500 }) {
  const watched = development ? path.join(dir, "Story", "_index.json") : path.join(dir, MANIFEST_FILE);
  let signature = "";
  /** @type {Snapshot | null} */
  let snapshot = null;

  const signatureOf = () => {
    try {
      const stat = statSync(watched);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return "";
    }
  };

  function load() {
    const seen = signatureOf();
    if (!seen && !development) {
      throw new Error(
        `no published content in ${dir}: run \`npm run publish\` (or \`npm run build\`), or set BROADSHEET_STORE`,
      );
    }
    const next = development ? loadFromGenerated(dir) : loadFromStore(dir, snapshot);
    signature = seen;
    const first = snapshot === null;
    snapshot = next;
    if (!first) {
      logEvent({ event: "content", version: next.version, stories: next.stories.length });
    }
  }

  /** The last manifest that could not be read, and when it is next worth trying again. */
  let failed = { signature: "", retryAt: 0 };
  function poll() {
    const seen = signatureOf();
    if (seen === signature || seen === "") return;
    if (seen === failed.signature && Date.now() < failed.retryAt) return;
    try {
      load();
    } catch (error) {
      // A publish caught half-way (a copy still arriving), or a broken store: keep serving what
      // we have; try this manifest again in 5 s, and say so once, not every half second.
      if (seen !== failed.signature) {
        logEvent({ event: "content-error", error: String(error) }, "stderr");
      }
      failed = { signature: seen, retryAt: Date.now() + 5000 };
    }
  }

  load();
  const timer = setInterval(poll, pollMs);
  timer.unref();

  return {
    dir,
    /** The content now; cheap enough to ask for on every request. */
    current: () => /** @type {Snapshot} */ (snapshot),
    /** Checks for new content now, rather than at the next poll. */
    refresh: poll,
    close: () => clearInterval(timer),
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */

const KEY = Symbol.for("broadsheet.content-store");

/** The process's one store (see the note at the top). @returns {Store} */
export function contentStore() {
  const holder = /** @type {Record<symbol, Store | undefined>} */ (/** @type {unknown} */ (globalThis));
  if (!holder[KEY]) {
    const development = process.env.NODE_ENV === "development";
    holder[KEY] = createStore({
      development,
      dir: development ? generatedDir(process.cwd()) : storeDir(),
      pollMs: Number(process.env.BROADSHEET_POLL_MS ?? 500),
    });
  }
  return holder[KEY];
}
