// @ts-check
/** Byte ranges (RFC 9110, 14.1.2), for server.mjs, which answers Range requests itself. */

/** A range that starts beyond the body: 416. */
export const UNSATISFIABLE = Symbol("unsatisfiable");

/**
 * The one byte range a Range header asks for, of a body of `length` bytes (RFC 9110, 14.1.2):
 * { start, end } (inclusive), UNSATISFIABLE, or null for a header to ignore (malformed, not
 * bytes, or more than one range).
 *
 * @param {string} header the Range header
 * @param {number} length the body's length in bytes
 * @returns {{ start: number, end: number } | typeof UNSATISFIABLE | null}
 */
export function byteRange(header, length) {
  const match = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/.exec(header);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || length === 0) return UNSATISFIABLE;
    return { start: Math.max(0, length - suffix), end: length - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] === "" ? Infinity : Number(match[2]);
  if (last < start) return null;
  if (start >= length) return UNSATISFIABLE;
  return { start, end: Math.min(last, length - 1) };
}
