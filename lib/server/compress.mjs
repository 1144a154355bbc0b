// @ts-check
/**
 * Compression, for server.mjs (Next's own is off: next.config.ts, compress: false). gzip only,
 * at level 6, for text of at least 256 bytes that is not already encoded. A version of a page
 * is compressed once (lib/server/versions.mjs); any other response each time, with compress().
 */
import { gzipSync } from "node:zlib";

/** The types worth compressing: text, and the structured text formats the site serves. */
export const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json)|image\/svg\+xml)/;

/** Below this many bytes gzip saves too little to matter. */
export const MIN_BYTES = 256;

/**
 * A body gzipped, as every compressed response is.
 *
 * @param {string | Buffer} body
 */
export const gzip = (body) => gzipSync(body, { level: 6 });

/**
 * Whether the response's body, of `length` bytes, would be compressed for a client that takes
 * gzip: text, long enough, not already encoded.
 *
 * @param {import("node:http").ServerResponse} res
 * @param {number} length
 */
export function compressible(res, length) {
  const type = String(res.getHeader("content-type") ?? "");
  return length >= MIN_BYTES && !res.getHeader("content-encoding") && COMPRESSIBLE.test(type);
}

/**
 * Whether the client takes gzip (and has not refused it with q=0).
 *
 * @param {import("node:http").IncomingMessage} req
 */
export function acceptsGzip(req) {
  const accept = String(req.headers["accept-encoding"] ?? "");
  return (
    /(^|,)\s*gzip\s*(,|;|$)/i.test(accept) && !/(^|,)\s*gzip\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)/i.test(accept)
  );
}

/**
 * Adds Accept-Encoding to Vary, once: the response depends on it.
 *
 * @param {import("node:http").ServerResponse} res
 */
export function varyOnEncoding(res) {
  const vary = String(res.getHeader("vary") ?? "");
  if (!/\baccept-encoding\b/i.test(vary)) {
    res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
}

/**
 * Compression of a response that is not a version of a page: each time. Returns the body to
 * send, and sets Content-Encoding and Vary as it goes.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string | Buffer} body
 * @returns {string | Buffer}
 */
export function compress(req, res, body) {
  if (!compressible(res, Buffer.byteLength(body))) return body;
  // Only a whole body: a partial one (206) is compressed by nobody.
  if (res.statusCode !== 200 || res.getHeader("content-range")) return body;
  varyOnEncoding(res);
  if (!acceptsGzip(req)) return body;
  res.setHeader("Content-Encoding", "gzip");
  return gzip(body);
}
