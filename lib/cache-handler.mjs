// @ts-check
/**
 * Next's cache of rendered pages and feeds (next.config.ts, cacheHandler), made to follow the
 * content: a stored page counts only if it was stored after the content it shows last changed.
 *
 * "Changed" is lib/store.mjs's validFrom(): the moment this process took in the current
 * version of the content, or the moment the latest scheduled story came due, whichever is
 * later. So a publish, a correction, a takedown or a scheduled story's time makes every page
 * stale at once, on every instance, with no list of URLs to purge and no message to send: each
 * page is made again on its next request (a few milliseconds) and kept until the next change.
 * Invalidating everything is deliberate: a new story changes the home page, its section, topic
 * and author pages and feeds, the sitemaps, and the related and next/previous links of other
 * stories, and working out exactly which pages those are would cost more than the renders.
 *
 * Storage is Next's own (its FileSystemCache: an in-memory LRU of cacheMaxMemorySize bytes,
 * falling back to the pages the build prerendered), never written to disk, because every
 * instance of a deployment serves from the same folder.
 */
import { createRequire } from "node:module";
import { contentStore, RACE_MS, validFrom } from "./store.mjs";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

export default class ContentCacheHandler {
  /** @param {Record<string, unknown>} options what Next passes to a cache handler */
  constructor(options) {
    this.local = new FileSystemCache({ ...options, flushToDisk: false });
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const entry = await this.local.get(key, ctx);
    if (!entry) return null;
    const from = validFrom(contentStore().current(), Date.now());
    return entry.lastModified > from ? entry : null;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    await this.local.set(key, data, ctx);
    // Stored just after a change: it may have been rendered from the content before it. Let the
    // next request make it again rather than trust it.
    const from = validFrom(contentStore().current(), Date.now());
    if (Date.now() - from < RACE_MS) {
      const stored = FileSystemCache.memoryCache?.get(key);
      if (stored) stored.lastModified = from - 1;
    }
  }

  /** @param {string | string[]} tags @param {any} durations */
  async revalidateTag(tags, durations) {
    return this.local.revalidateTag(tags, durations);
  }

  resetRequestCache() {
    this.local.resetRequestCache();
  }
}
