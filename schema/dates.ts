/**
 * Strict date-time parsing for front matter.
 *
 * Contentlayer's own `date` type rolls an impossible date such as 2025-02-31 over into March
 * without a word, and accepts a date without a time zone (then guesses one). A news story's
 * publication time is a fact readers and search engines rely on, so we accept exactly one form:
 * an ISO 8601 date-time with an explicit offset, e.g. `2025-06-07T12:00:00+01:00` or
 * `2025-06-07T11:00:00Z`, and reject anything that does not name a real instant.
 */

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

export const DATE_TIME_EXAMPLE = "2025-06-07T12:00:00+01:00";

/** Returns the instant as a UTC ISO string, or throws an Error explaining what is wrong. */
export function parseDateTime(value: unknown): string {
  if (typeof value !== "string") {
    throw new Error(`expected a date-time such as ${DATE_TIME_EXAMPLE}, got ${JSON.stringify(value)}`);
  }
  const m = ISO_DATE_TIME.exec(value.trim());
  if (!m) {
    throw new Error(
      `"${value}" is not an ISO 8601 date-time with a time zone; write it like ${DATE_TIME_EXAMPLE}`,
    );
  }
  const [, y, mo, d, h, mi, s = "0", , zone, zh = "0", zm = "0"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12) throw new Error(`"${value}" has no month ${month}`);
  if (day < 1 || day > daysInMonth) {
    throw new Error(`"${value}" is not a real date: ${y}-${mo} has ${daysInMonth} days`);
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new Error(`"${value}" is not a real time of day`);
  }
  if (zone !== "Z" && (Number(zh) > 14 || Number(zm) > 59)) {
    throw new Error(`"${value}" has an impossible time-zone offset ${zone}`);
  }
  return new Date(value.trim()).toISOString();
}
