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
 *    instance of a deployment serves from the same folder. An entry counts if it was stored
 *    after this process took in the current content (or after the latest scheduled story came
 *    due): lib/store.mjs's validFrom().
 *  - With REDIS_URL, also Redis, shared by every instance, through @fortedigital/nextjs-cache-handler's
 *    Redis handler: a page one instance rendered is served by all. Each entry carries the
 *    content version it was made from and counts only while that version is current, so an
 *    instance that has not yet seen a publish cannot hand its old pages to the others. If Redis
 *    is unreachable, pages are rendered locally as without it.
 *
 * A page stored within RACE_MS of a change may have been rendered from the content before it
 * (its render began first): it is not trusted, and the next request makes it again.
 */
import { createRequire } from "node:module";
import { contentStore, dueTimeBefore, RACE_MS, validFrom } from "./store.mjs";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

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
      console.error(
        JSON.stringify({ time: new Date().toISOString(), event: "redis-error", error: String(error) }),
      );
    });
    client.on("ready", () => {
      reported = false;
    });
    // Not awaited: while Redis is down, gets and sets fail fast and pages are rendered locally.
    client.connect().catch(() => {});
    return {
      handlers: [
        createRedisHandler({
          client,
          // A release never reads another build's pages: they name that build's hashed assets.
          keyPrefix: `broadsheet:${buildId ?? "dev"}:`,
          timeoutMs: 1000,
          valueSerializer: {
            serialize: (value) =>
              JSON.stringify({ ...value, contentVersion: contentStore().current().version }),
            deserialize: (stored) => JSON.parse(typeof stored === "string" ? stored : String(stored)),
          },
        }),
      ],
    };
  });
  return CacheHandler;
}
const Shared = await sharedCache();

export default class ContentCacheHandler {
  /** @param {Record<string, unknown>} options what Next passes to a cache handler */
  constructor(options) {
    this.local = new FileSystemCache({ ...options, flushToDisk: false });
    this.shared = Shared ? new Shared(options) : null;
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const now = Date.now();
    const snapshot = contentStore().current();
    if (this.shared) {
      const entry = await this.shared.get(key, ctx);
      if (
        entry &&
        entry.contentVersion === snapshot.version &&
        entry.lastModified > dueTimeBefore(snapshot, now) + RACE_MS
      ) {
        return entry;
      }
    }
    const entry = await this.local.get(key, ctx);
    return entry && entry.lastModified > validFrom(snapshot, now) ? entry : null;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    const from = validFrom(contentStore().current(), Date.now());
    const racing = Date.now() - from < RACE_MS;
    if (this.shared) {
      if (!racing) await this.shared.set(key, data, ctx);
      return;
    }
    await this.local.set(key, data, ctx);
    if (racing) {
      const stored = FileSystemCache.memoryCache?.get(key);
      if (stored) stored.lastModified = from - 1;
    }
  }

  /** @param {string | string[]} tags @param {any} durations */
  async revalidateTag(tags, durations) {
    await Promise.all([this.local.revalidateTag(tags, durations), this.shared?.revalidateTag(tags)]);
  }

  resetRequestCache() {
    this.local.resetRequestCache();
  }
}
