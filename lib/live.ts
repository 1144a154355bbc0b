/**
 * A live blog's pages (issue 14): which entries each page holds, where an entry's permalink
 * leads, and the words that stand for an entry where it has no title (feeds, structured data).
 * Page 1, at the story's own address, holds the pinned entries and the newest LIVE_PAGE_SIZE
 * others; older ones follow at pagePath(story.url, n), newest first.
 */
import { plainText } from "@/schema/headings";
import { LIVE_PAGE_SIZE } from "@/site.config.mjs";
import { getLiveEntries, type Story, type LiveEntry } from "./content";
import { pageCount, paginate } from "./listings";
import { entryPath, pagePath } from "./url.mjs";

/** An entry as its page shows it. */
export type ShownEntry = {
  entry: LiveEntry;
  /** Its element id on the page (entryAnchor): its own link is `#<anchor>`. */
  anchor: string;
  /** Its stable address to share (entryPermalink). */
  permalink: string;
};

/** A key event, as the list of them at the top of each page links it. */
export type KeyEvent = {
  entry: LiveEntry;
  /** Its title, or its first words (entryHeadline). */
  headline: string;
  /** Its anchor when it is on this page, else where it is read now (entryLocation). */
  href: string;
};

export type LivePage = {
  /** Shown above the others, on page 1 only (empty on later pages). */
  pinned: ShownEntry[];
  /** This page's entries, newest first. */
  entries: ShownEntry[];
  /** Every key event of the blog, newest first, wherever it is. */
  keyEvents: KeyEvent[];
  page: number;
  totalPages: number;
};

/** The entries that page: all but the pinned ones, newest first. */
const pagedEntries = (story: Story) => getLiveEntries(story).filter((e) => !e.pinned);

/** Page n of a live story's entries, or null when the story is not live or has no such page. */
export function livePage(story: Story, page: number): LivePage | null {
  if (!story.live) return null;
  const all = getLiveEntries(story);
  const found = paginate(pagedEntries(story), page, LIVE_PAGE_SIZE);
  if (!found) return null;
  const pinned = page === 1 ? all.filter((e) => e.pinned) : [];
  const here = new Set([...found.items, ...pinned].map((e) => e.slug));
  const shown = (entry: LiveEntry): ShownEntry => ({
    entry,
    anchor: entryAnchor(entry),
    permalink: entryPermalink(story, entry),
  });
  return {
    pinned: pinned.map(shown),
    entries: found.items.map(shown),
    keyEvents: all
      .filter((e) => e.key)
      .map((entry) => ({
        entry,
        headline: entryHeadline(entry),
        href: here.has(entry.slug) ? `#${entryAnchor(entry)}` : entryLocation(story, entry),
      })),
    page: found.page,
    totalPages: found.totalPages,
  };
}

/** How many pages a live story's entries take (1 at least). */
export const livePageCount = (story: Story) => pageCount(pagedEntries(story).length, LIVE_PAGE_SIZE);

/** The element id of an entry on its page: its permalink is `#entry-<id>`. */
export const entryAnchor = (entry: LiveEntry) => `entry-${entry.slug}`;

/** The entry's stable address, whichever page holds it now: it redirects there. */
export const entryPermalink = (story: Story, entry: LiveEntry) => entryPath(story.url, entry.slug);

/** The page that holds an entry now (pinned entries are on page 1). */
function entryPageNumber(story: Story, entry: LiveEntry): number {
  if (entry.pinned) return 1;
  const index = pagedEntries(story).indexOf(entry);
  return Math.floor(index / LIVE_PAGE_SIZE) + 1;
}

/** Where an entry is read now: its page and its anchor. */
export const entryLocation = (story: Story, entry: LiveEntry) =>
  `${pagePath(story.url, entryPageNumber(story, entry))}#${entryAnchor(entry)}`;

/** A live story's entry by its id, or null. */
export const getLiveEntry = (story: Story, slug: string): LiveEntry | null =>
  getLiveEntries(story).find((e) => e.slug === slug) ?? null;

/** An entry's text, without markup, one paragraph a block. */
export const entryText = (entry: LiveEntry) => plainText(entry.body.raw);

/** How many words of an untitled entry stand for its title. */
const HEADLINE_WORDS = 12;

/** An entry's title, or its first words where it has none. */
export function entryHeadline(entry: LiveEntry): string {
  if (entry.title) return entry.title;
  const words = entryText(entry).split(/\s+/).filter(Boolean);
  return words.length > HEADLINE_WORDS ? `${words.slice(0, HEADLINE_WORDS).join(" ")}…` : words.join(" ");
}
