// @ts-check
/**
 * Versions of cacheable pages: for each body, its ETag, its length in bytes and, once a client
 * has asked for it, its gzipped bytes (Next's own compression is off: next.config.ts, compress:
 * false). A page's bytes are the same on every request until the content changes, so each
 * version is hashed and compressed once rather than on every request. Keyed by the body itself
 * when Next sent a string (the lookup of the very string Next sent last time compares no
 * characters), by its hash otherwise; an LRU (lru-cache) of at most GZIP_CACHE_MB (default 64).
 * The same body under many URLs (query strings) is one entry. A response that is not a
 * cacheable 200 is compressed each time (lib/server/compress.mjs); a partial one (206) never.
 */
import { LRUCache } from "lru-cache";
import { gzip } from "./compress.mjs";
import { etagOf } from "./conditional.mjs";

/**
 * @typedef {{
 *   etag: string;
 *   gzipEtag: string;
 *   length: number;
 *   gzip: Buffer | null;
 *   keyBytes: number;
 * }} Version
 *   etag: the plain bytes' tag; gzipEtag: the gzipped bytes' tag; length: the plain bytes'
 *   length; gzip: the gzipped bytes, once asked for; keyBytes: what the entry's key holds
 */

/**
 * A cache of versions holding at most `maxBytes`: what each entry's key holds (the string it is
 * keyed by; a hash is small) and its gzipped bytes. An entry larger than that is not kept.
 *
 * @param {number} maxBytes
 */
export function versionCache(maxBytes) {
  /** @type {LRUCache<string, Version>} */
  const versions = new LRUCache({
    // lru-cache takes a whole number of bytes, 1 or more: 0 keeps nothing, as no entry fits.
    maxSize: Math.max(1, Math.floor(maxBytes)),
    // Sized when an entry is added: gzipOf() adds it again once it holds its gzip.
    sizeCalculation: (version) => Math.max(1, version.keyBytes + (version.gzip?.length ?? 0)),
  });
  /** The key of a body: the string itself, or its tag. */
  const keyOf = (/** @type {string | Buffer} */ body, /** @type {string} */ etag) =>
    typeof body === "string" ? body : `\0${etag}`;

  return {
    /**
     * The version of this body: looked up, or worked out and kept (most recently used).
     *
     * @param {string | Buffer} body
     * @returns {Version}
     */
    versionOf(body) {
      if (typeof body === "string") {
        const known = versions.get(body);
        if (known) return known;
      }
      // A buffer is looked up by its tag, so it is hashed either way.
      const etag = etagOf(body);
      const key = keyOf(body, etag);
      const known = typeof body === "string" ? undefined : versions.get(key);
      if (known) return known;
      const length = Buffer.byteLength(body);
      /** @type {Version} */
      const version = {
        etag,
        gzipEtag: `${etag.slice(0, -1)}-gz"`,
        length,
        gzip: null,
        keyBytes: typeof body === "string" ? length : 64,
      };
      versions.set(key, version);
      return version;
    },

    /**
     * The version's gzipped bytes, compressed the first time they are asked for; the entry
     * then counts them too (and may push older ones out).
     *
     * @param {Version} version
     * @param {string | Buffer} body the body it is the version of
     */
    gzipOf(version, body) {
      if (!version.gzip) {
        version.gzip = gzip(body);
        const key = keyOf(body, version.etag);
        // Counted again, now with its gzip. lru-cache sizes an entry only when it is set with a
        // new value (the same object set again keeps its old size): so out, and in again.
        if (versions.peek(key) === version) {
          versions.delete(key);
          versions.set(key, version);
        }
      }
      return version.gzip;
    },

    /** Bytes held, as counted against the limit. */
    get bytes() {
      return versions.calculatedSize;
    },

    /** Versions held. */
    get size() {
      return versions.size;
    },
  };
}
