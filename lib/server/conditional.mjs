// @ts-check
/**
 * Conditional and partial requests, for server.mjs: a strong ETag made from a body's bytes,
 * If-None-Match (304), and Range with If-Range (206, 416), answered for every route.
 */
import { createHash } from "node:crypto";
import { UNSATISFIABLE, byteRange } from "../http-range.mjs";

export { UNSATISFIABLE };

/**
 * A body's strong validator: the same bytes, the same tag.
 *
 * @param {string | Buffer} body
 */
export const etagOf = (body) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/**
 * Whether an If-None-Match header names `etag` (or is `*`): then the answer is 304.
 *
 * @param {string | undefined} ifNoneMatch
 * @param {string} etag
 */
export function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // Weak comparison, as RFC 9110 asks for If-None-Match.
  const bare = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/**
 * Range requests are answered by server.mjs, from the whole body, for every route: Next never
 * sees a Range header (its static file server answered a malformed or unsatisfiable one with
 * 500). Set aside on the request by takeRange(), before Next runs.
 */
const RANGE = Symbol("range");

/**
 * Takes Range and If-Range off the request, so that Next never sees them, and keeps them for
 * rangeOf().
 *
 * @param {import("node:http").IncomingMessage} req
 */
export function takeRange(req) {
  const header = req.headers.range;
  const ifRange = req.headers["if-range"];
  delete req.headers.range;
  delete req.headers["if-range"];
  if (header !== undefined) /** @type {any} */ (req)[RANGE] = { header: String(header), ifRange };
}

/**
 * The one byte range the request asked for (takeRange), of a body of `length` bytes whose
 * plain bytes are tagged `etag`: { start, end }, UNSATISFIABLE (416), or null when the whole
 * body is to be sent: no Range, an If-Range naming another version (or another encoding), or a
 * range not served (malformed, or several, which RFC 9110 allows to ignore).
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {string} etag
 * @param {number} length
 */
export function rangeOf(req, etag, length) {
  const range = /** @type {{ header: string, ifRange?: string } | undefined} */ (
    /** @type {any} */ (req)[RANGE]
  );
  if (!range || (range.ifRange !== undefined && range.ifRange !== etag)) return null;
  return byteRange(range.header, length);
}
