import { formatNumber } from "@/schema/limits.mjs";
import { site } from "@/site.config.mjs";

const dateFormat = new Intl.DateTimeFormat(site.language, {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: site.timeZone,
});

const dateTimeFormat = new Intl.DateTimeFormat(site.language, {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: site.timeZone,
  timeZoneName: "short",
});

/** "7 June 2025", in the newsroom's time zone. */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** "7 June 2025 at 12:00 BST", in the newsroom's time zone. */
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

export { formatNumber };

/** "1 story", "1,199 stories": a count of things, singular or plural. */
export const formatCount = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${formatNumber(n)} ${many}`;

/** "NM" for "Nathan Morgan"; at most two letters, first and last names. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0][0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1][0] ?? "") : "";
  return (first + last).toUpperCase();
}

const nameList = new Intl.ListFormat(site.language, { style: "long", type: "conjunction" });

/** "A", "A and B", "A, B and C": names as a byline reads them, in the site's language. */
export const formatNames = (names: string[]) => nameList.format(names);

/** The same list in parts, so that each name can be a link: [{ name }, { text: " and " }, …]. */
export const nameListParts = (names: string[]) =>
  nameList
    .formatToParts(names)
    .map((part) => (part.type === "element" ? { name: part.value } : { text: part.value }));
