// @ts-check
/**
 * Conditional and partial requests, for server.mjs: a strong ETag made from a body's bytes,
 * If-None-Match (304), If-Match and If-Unmodified-Since (412), and Range with If-Range (206,
 * 416), answered for every route.
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
 * Range requests and preconditions are answered by server.mjs, from the whole body, for every
 * route: Next never sees Range, If-Range, If-Match or If-Unmodified-Since (its static file
 * server answered a malformed or unsatisfiable range, and a failed If-Match or
 * If-Unmodified-Since, with 500). Set aside on the request by takeConditions(), before Next runs.
 */
const CONDITIONS = Symbol("conditions");

/**
 * @typedef {{ range?: string, ifRange?: string, ifMatch?: string, ifUnmodifiedSince?: string }} Conditions
 * @param {import("node:http").IncomingMessage} req
 * @returns {Conditions}
 */
const conditionsOf = (req) => /** @type {any} */ (req)[CONDITIONS] ?? {};

/**
 * Takes Range, If-Range, If-Match and If-Unmodified-Since off the request, so that Next never
 * sees them, and keeps them for rangeOf() and preconditionFailed().
 *
 * @param {import("node:http").IncomingMessage} req
 */
export function takeConditions(req) {
  /** @type {Conditions} */
  const conditions = {};
  for (const [name, key] of /** @type {const} */ ([
    ["range", "range"],
    ["if-range", "ifRange"],
    ["if-match", "ifMatch"],
    ["if-unmodified-since", "ifUnmodifiedSince"],
  ])) {
    const value = req.headers[name];
    delete req.headers[name];
    if (value !== undefined) conditions[key] = String(value);
  }
  /** @type {any} */ (req)[CONDITIONS] = conditions;
}

/**
 * Whether the request's If-Match or If-Unmodified-Since fails for a 200 tagged `etag` (last
 * modified `lastModified`, if known): then the answer is 412 (RFC 9110 13.1.1, 13.1.4). If-Match
 * compares strongly, so a weak tag never matches; If-Unmodified-Since counts only without
 * If-Match and with a date on both sides.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {string} etag
 * @param {string | undefined} lastModified
 */
export function preconditionFailed(req, etag, lastModified) {
  const { ifMatch, ifUnmodifiedSince } = conditionsOf(req);
  if (ifMatch !== undefined) {
    if (ifMatch.trim() === "*") return false;
    return !ifMatch.split(",").some((tag) => tag.trim() === etag);
  }
  if (ifUnmodifiedSince !== undefined && lastModified !== undefined) {
    const since = Date.parse(ifUnmodifiedSince);
    const modified = Date.parse(lastModified);
    if (!Number.isNaN(since) && !Number.isNaN(modified)) return modified > since;
  }
  return false;
}

/**
 * The one byte range the request asked for (takeConditions), of a body of `length` bytes whose
 * plain bytes are tagged `etag`: { start, end }, UNSATISFIABLE (416), or null when the whole
 * body is to be sent: no Range, an If-Range naming another version (or another encoding), or a
 * range not served (malformed, or several, which RFC 9110 allows to ignore).
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {string} etag
 * @param {number} length
 */
export function rangeOf(req, etag, length) {
  const { range, ifRange } = conditionsOf(req);
  if (range === undefined || (ifRange !== undefined && ifRange !== etag)) return null;
  return byteRange(range, length);
}
