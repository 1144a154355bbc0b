// @ts-check
/**
 * Holds back the body of every GET response and sends it whole, in one write with its
 * Content-Length, and gives a cacheable 200 that Next sent without a validator a strong ETag,
 * answering a matching If-None-Match with 304.
 *
 * Sending each response whole also serves failover: a process killed mid-response would leave a
 * proxy holding half a body it can no longer retry elsewhere; killed before its one write, the
 * proxy sees no response at all and retries the request on another instance.
 */
import { acceptsGzip, compress, compressible, varyOnEncoding } from "./compress.mjs";
import { UNSATISFIABLE, matches, preconditionFailed, rangeOf } from "./conditional.mjs";

/** @typedef {ReturnType<typeof import("./versions.mjs").versionCache>} Versions */

const DISCARD = Symbol("discard held body");

/**
 * For the error path: forget what was held, so a 500 never carries half a page.
 *
 * @param {import("node:http").ServerResponse} res
 */
export function discardHeld(res) {
  /** @type {any} */ (res)[DISCARD]?.();
}

/**
 * From now on, the response to this GET request is held and sent whole (see above); versions
 * of cacheable pages come from `versions` (lib/server/versions.mjs). Anything but a GET is left
 * as it is.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {Versions} versions
 */
export function holdWholeResponse(req, res, versions) {
  if (req.method !== "GET") return;
  /** @type {any} */
  const response = res;
  // Node's own, called with the response as `this`.
  const writeHead = res.writeHead;
  /** @type {any} */
  const write = res.write;
  /** @type {any} */
  const end = res.end;
  /** @type {(string | Buffer)[] | null} */
  let held = null;
  /** @type {string | undefined | null} */
  let pending = null;
  response[DISCARD] = () => {
    held = null;
    pending = null;
  };

  /** @type {(status: number, ...rest: any[]) => any} */
  const head = (status, ...rest) => /** @type {any} */ (writeHead).call(res, status, ...rest);
  /** The held response's own status line, with the reason Next gave it, if any. */
  const sendHead = (/** @type {number} */ status) => head(status, ...(pending ? [pending] : []));

  /** @this {any} */
  response.writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    // Already holding: Next may flush headers more than once (flushHeaders, then end).
    if (held !== null) return this;
    const headers = rest.find((arg) => arg && typeof arg === "object");
    if (Array.isArray(headers)) {
      // The raw form: [name, value, name, value, ...].
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const [key, value] of Object.entries(headers)) this.setHeader(key, value);
    }
    this.statusCode = status;
    if (status >= 200 && status !== 204 && status !== 304) {
      held = [];
      pending = typeof rest[0] === "string" ? rest[0] : undefined;
      return this;
    }
    return head(status, ...rest.filter((arg) => typeof arg === "string"));
  };
  /** @this {any} */
  response.write = function (
    /** @type {any} */ chunk,
    /** @type {any} */ encoding,
    /** @type {any} */ callback,
  ) {
    if (!this.headersSent && held === null) this.writeHead(this.statusCode);
    if (held === null) return write.call(this, chunk, encoding, callback);
    if (chunk != null) held.push(chunkOf(chunk, encoding));
    if (typeof callback === "function") callback();
    else if (typeof encoding === "function") encoding();
    return true;
  };
  /** @this {any} */
  response.end = function (
    /** @type {any} */ chunk,
    /** @type {any} */ encoding,
    /** @type {any} */ callback,
  ) {
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (!this.headersSent && held === null) this.writeHead(this.statusCode);
    if (held === null) return end.call(this, chunk, encoding, callback);
    if (chunk != null) held.push(chunkOf(chunk, encoding));
    // Next sends a page from its cache as one string, the same string on every request: kept
    // as it is, it needs no copying into a buffer and no hashing to find its version below.
    const body =
      held.length === 1 && typeof held[0] === "string"
        ? held[0]
        : Buffer.concat(held.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
    held = null;
    const status = this.statusCode;
    const cacheable = /\bpublic\b/.test(String(this.getHeader("cache-control") ?? ""));
    this.removeHeader("transfer-encoding");
    // A cacheable 200 is a version of a page: its tags and gzipped bytes are worked out once
    // (lib/server/versions.mjs). Next's own ETag, a hash computed in JavaScript over the page on
    // every request, took a tenth of an instance's CPU under load: next.config.ts turns it off.
    if (status !== 200 || !cacheable) {
      const payload = compress(req, this, body);
      this.setHeader("Content-Length", Buffer.byteLength(payload));
      sendHead(status);
      return end.call(this, payload, callback);
    }
    const version = versions.versionOf(body);
    const gzipped = compressible(this, version.length);
    if (gzipped) varyOnEncoding(this);
    const gzip = gzipped && acceptsGzip(req);
    // Each encoding is its own representation with its own tag: a download resumed with
    // If-Range never joins gzip bytes to plain ones.
    const etag = gzip ? version.gzipEtag : version.etag;
    this.setHeader("ETag", etag);
    // If-Match and If-Unmodified-Since first, then If-None-Match (RFC 9110 13.2.2).
    const lastModified = this.getHeader("last-modified");
    if (preconditionFailed(req, etag, lastModified === undefined ? undefined : String(lastModified))) {
      for (const name of ["content-length", "content-type", "content-encoding"]) this.removeHeader(name);
      this.setHeader("Content-Length", 0);
      head(412);
      return end.call(this, callback);
    }
    if (matches(/** @type {string | undefined} */ (req.headers["if-none-match"]), etag)) {
      for (const name of ["content-length", "content-type", "content-encoding"]) this.removeHeader(name);
      head(304);
      return end.call(this, callback);
    }
    const wanted = rangeOf(req, version.etag, version.length);
    if (wanted === UNSATISFIABLE) {
      for (const name of ["etag", "content-type", "content-encoding"]) this.removeHeader(name);
      this.setHeader("Content-Range", `bytes */${version.length}`);
      this.setHeader("Content-Length", 0);
      head(416);
      return end.call(this, callback);
    }
    if (wanted) {
      // A range of the plain bytes, whatever the client accepts: ranges of gzip are no one's.
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const part = bytes.subarray(wanted.start, wanted.end + 1);
      this.removeHeader("content-encoding");
      this.setHeader("ETag", version.etag);
      this.setHeader("Content-Range", `bytes ${wanted.start}-${wanted.end}/${version.length}`);
      this.setHeader("Content-Length", part.length);
      head(206);
      return end.call(this, part, callback);
    }
    if (gzip) this.setHeader("Content-Encoding", "gzip");
    const payload = gzip ? versions.gzipOf(version, body) : body;
    this.setHeader("Content-Length", gzip ? payload.length : version.length);
    sendHead(status);
    return end.call(this, payload, callback);
  };
}

/**
 * A written chunk, kept as a string when it is one (utf8), else as a Buffer.
 *
 * @param {string | Uint8Array} chunk
 * @param {BufferEncoding | undefined} encoding
 */
function chunkOf(chunk, encoding) {
  if (typeof chunk === "string" && (typeof encoding !== "string" || /^utf-?8$/i.test(encoding))) return chunk;
  return typeof chunk === "string"
    ? Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined)
    : Buffer.from(chunk);
}
