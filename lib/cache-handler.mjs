// @ts-check
/**
 * Next's cache of rendered pages and feeds (next.config.ts, cacheHandler), made to follow the
 * content: a stored page counts only if it was made from the content being served now.
 *
 * A publish, a correction, a takedown or a scheduled story's time therefore makes every stored
 * page stale at once, on every instance, with no list of URLs to purge and no message to send:
 * each page is made again on its next request (a few milliseconds) and kept until the next
 * change. Invalidating everything is deliberate: a new story changes the home page, its
 * section, topic and author pages and feeds, the sitemaps, and the related and next/previous
 * links of other stories, and working out exactly which pages those are would cost more than
 * the renders it saves. (docs/decisions/0009-publishing-without-a-build.md)
 *
 * Where pages are kept:
 *  - Always, Next's own FileSystemCache: an in-memory LRU of cacheMaxMemorySize bytes that
 *    falls back to the pages the build prerendered. It never writes to disk, because every
 *    instance of a deployment serves from the same folder. A page this process stored counts
 *    if it was stored after this process took in the current content and after the latest
 *    scheduled story came due (lib/store.mjs's validFrom()). A page the build prerendered
 *    counts while the content is the very content the build read (the build id names it:
 *    next.config.ts) and no story has come due since the build.
 *  - With REDIS_URL, Redis instead, shared by every instance, through @fortedigital/nextjs-cache-handler's
 *    Redis handler: a page one instance rendered is served by all. Each entry carries the id
 *    of the content it was made from and counts only while that content is current, so an
 *    instance that has not yet seen a publish cannot hand its old pages to the others. If Redis
 *    is unreachable, pages are rendered locally as without it.
 *
 * A render that began before a change must not be stored as if it came after: the content and
 * the due count are noted when Next looks a page up (a render follows a miss), and the page is
 * stored only if both are still the same when the render ends. Only 200s are stored:
 * a 404 for a made-up address costs a render, never a place in the cache.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { contentStore, dueCount, dueTimeBefore, logEvent, validFrom } from "./store.mjs";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

/**
 * @import { Snapshot } from "./store.mjs"
 * @typedef {ConstructorParameters<typeof FileSystemCache>[0]} CacheOptions what Next passes to a cache handler
 * @typedef {{ lastModified: number }} LocalEntry
 */

/** The shared cache, when REDIS_URL is set: configured once per process. */
async function sharedCache() {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  const { CacheHandler } = await import("@fortedigital/nextjs-cache-handler");
  const { default: createRedisHandler } = await import("@fortedigital/nextjs-cache-handler/redis-strings");
  const { createClient } = await import("redis");
  CacheHandler.onCreation(({ buildId }) => {
    const client = createClient({
      url,
      socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    let reported = false;
    client.on("error", (error) => {
      if (reported) return;
      reported = true; // once per outage, not once per retry
      logEvent({ event: "redis-error", error: String(error) }, "stderr");
    });
    client.on("ready", () => {
      reported = false;
    });
    // Not awaited: while Redis is down, gets and sets fail fast and pages are rendered locally.
    client.connect().catch(() => {});
    return {
      handlers: [
        createRedisHandler({
          // redis 5's client, typed for RESP 3 too; the handler's type names RESP 2 only.
          client: /** @type {Parameters<typeof createRedisHandler>[0]["client"]} */ (
            /** @type {unknown} */ (client)
          ),
          // A release never reads another build's pages: they name that build's hashed assets.
          keyPrefix: `broadsheet:${buildId ?? "dev"}:`,
          timeoutMs: 1000,
          valueSerializer: {
            // set() stores only a page made from the current content, so this id is its content.
            serialize: (value) => JSON.stringify({ ...value, contentVersion: contentStore().current().id }),
            deserialize: (stored) => JSON.parse(typeof stored === "string" ? stored : String(stored)),
          },
        }),
      ],
    };
  });
  return CacheHandler;
}
const Shared = await sharedCache();

/** Entries this process stored are newer than this; older ones were read from the build. */
const STARTED = Date.now();

/**
 * What a page made now would be made from: the content and how many stories are due.
 *
 * @param {Snapshot} snapshot
 * @param {number} now
 */
const stampOf = (snapshot, now) => `${snapshot.id}:${dueCount(snapshot, now)}`;

/** Stamps noted at a miss, by key, until the render's set(); bounded against renders that fail. */
/** @type {Map<string, string>} */
const pending = new Map();
const PENDING_LIMIT = 10_000;

/**
 * The build id is `<content id>-<build time>` (next.config.ts, generateBuildId). Read once: Next
 * makes a cache handler per request.
 */
/** @type {Map<string, { content: string; at: number } | null>} */
const builds = new Map();
/** @param {string} serverDistDir */
const buildOf = (serverDistDir) => {
  if (!builds.has(serverDistDir)) builds.set(serverDistDir, readBuild(serverDistDir));
  return builds.get(serverDistDir);
};
/** @param {string} serverDistDir */
function readBuild(serverDistDir) {
  try {
    const id = readFileSync(path.join(String(serverDistDir), "..", "BUILD_ID"), "utf8").trim();
    const match = /^(.+)-([0-9a-z]+)$/.exec(id);
    return match ? { content: match[1], at: parseInt(match[2], 36) } : null;
  } catch {
    return null;
  }
}

export default class ContentCacheHandler {
  /** @param {CacheOptions} options what Next passes to a cache handler */
  constructor(options) {
    this.local = new FileSystemCache({ ...options, flushToDisk: false });
    this.shared = Shared ? new Shared(options) : null;
    this.build = buildOf(options.serverDistDir) ?? null;
  }

  /**
   * A page from Next's own cache: stored by this process, or prerendered by the build.
   *
   * @param {LocalEntry} entry
   * @param {Snapshot} snapshot
   * @param {number} now
   */
  localCounts(entry, snapshot, now) {
    if (entry.lastModified >= STARTED) return entry.lastModified > validFrom(snapshot, now);
    return (
      this.build !== null &&
      snapshot.first &&
      snapshot.id === this.build.content &&
      this.build.at > dueTimeBefore(snapshot, now)
    );
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const now = Date.now();
    const snapshot = contentStore().current();
    // Note what a render started now would be made from: one follows a miss, and Next may also
    // make a page again in the background after serving it (the news sitemap's 10 minutes).
    if (pending.size >= PENDING_LIMIT) pending.clear();
    pending.set(key, stampOf(snapshot, now));
    if (this.shared) {
      /** @type {{ contentVersion?: string; lastModified: number } | null} */
      const entry = await this.shared.get(key, ctx);
      if (entry?.contentVersion === snapshot.id && entry.lastModified > dueTimeBefore(snapshot, now)) {
        return entry;
      }
    }
    const entry = await this.local.get(key, ctx);
    return entry && this.localCounts(entry, snapshot, now) ? entry : null;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    const noted = pending.get(key);
    pending.delete(key);
    const snapshot = contentStore().current();
    // Made from content that has changed since (or never noted): do not keep it.
    if (noted !== stampOf(snapshot, Date.now())) return;
    if (!data || (data.status !== undefined && data.status !== 200)) return;
    if (this.shared) await this.shared.set(key, data, ctx);
    else await this.local.set(key, data, ctx);
  }

  /** @param {string | string[]} tags @param {any} durations */
  async revalidateTag(tags, durations) {
    await Promise.all([this.local.revalidateTag(tags, durations), this.shared?.revalidateTag(tags)]);
  }

  resetRequestCache() {
    this.local.resetRequestCache();
  }
}
