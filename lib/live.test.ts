import { describe, expect, it } from "vitest";
import { LIVE_PAGE_SIZE } from "@/site.config.mjs";
import { serveFixtures, type FixtureEntry } from "@/tests/content/fixture-store";
import * as content from "./content";
import * as live from "./live";

/** A live story with more entries than a page holds, one of them pinned and two key events. */
const EXTRA = 5;
const id = (n: number) =>
  `20250607-${String(9 + Math.floor(n / 60)).padStart(2, "0")}${String(n % 60).padStart(2, "0")}00-update-${n}`;
const timeOf = (n: number) =>
  `2025-06-07T${String(9 + Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}:00Z`;
const LONG_BODY =
  "Negotiators left the building at noon and said talks would resume after lunch with new proposals on the table.";
const entries: FixtureEntry[] = Array.from({ length: LIVE_PAGE_SIZE + EXTRA }, (_, n) => ({
  story: "talks-live",
  id: id(n),
  time: timeOf(n),
  body: n === 3 ? LONG_BODY : `Update number ${n}.`,
  ...(n === 3 ? {} : { title: `Update ${n}` }),
  ...(n === 0 ? { pinned: true } : {}),
  ...(n === 2 || n === 22 ? { key: true } : {}),
}));

serveFixtures({
  authors: [{ slug: "jane-doe", name: "Jane Doe" }],
  stories: [
    {
      slug: "talks-live",
      headline: "Trade talks: live",
      published: "2025-06-07T08:00:00Z",
      authors: ["jane-doe"],
      section: "World",
      topics: ["Trade"],
      live: true,
    },
    {
      slug: "talks",
      headline: "Trade talks begin",
      published: "2025-06-07T07:00:00Z",
      authors: ["jane-doe"],
      section: "World",
      topics: ["Trade"],
    },
  ],
  entries,
});

const story = () => content.getStoryBySlug("talks-live")!;
const entry = (n: number) => live.getLiveEntry(story(), id(n))!;
const ids = (list: { entry: { slug: string } }[]) => list.map((e) => e.entry.slug);
/** Entries 1.. (not the pinned 0), newest first: how the pages list them. */
const paged = Array.from({ length: LIVE_PAGE_SIZE + EXTRA - 1 }, (_, i) =>
  id(LIVE_PAGE_SIZE + EXTRA - 1 - i),
);

describe("a live blog's pages", () => {
  it("page 1 holds the pinned entry above the newest page-full, newest first", () => {
    const page = live.livePage(story(), 1)!;
    expect(ids(page.pinned)).toEqual([id(0)]);
    expect(ids(page.entries)).toEqual(paged.slice(0, LIVE_PAGE_SIZE));
    expect(page.totalPages).toBe(2);
  });

  it("older entries follow on page 2, without the pinned one; there is no page 3", () => {
    const page = live.livePage(story(), 2)!;
    expect(page.pinned).toEqual([]);
    expect(ids(page.entries)).toEqual(paged.slice(LIVE_PAGE_SIZE));
    expect(live.livePage(story(), 3)).toBeNull();
    expect(live.livePageCount(story())).toBe(2);
  });

  it("lists every key event on every page, newest first, linking to where each is read now", () => {
    const events = live.livePage(story(), 2)!.keyEvents;
    expect(ids(events)).toEqual([id(22), id(2)]);
    expect(events.map((e) => e.href)).toEqual([`/stories/talks-live#entry-${id(22)}`, `#entry-${id(2)}`]);
    expect(ids(live.livePage(story(), 1)!.keyEvents)).toEqual([id(22), id(2)]);
  });

  it("is no live blog for an ordinary story", () => {
    expect(live.livePage(content.getStoryBySlug("talks")!, 1)).toBeNull();
  });
});

describe("an entry's address", () => {
  it("is its page and its anchor, wherever newer entries have pushed it", () => {
    expect(live.entryLocation(story(), entry(LIVE_PAGE_SIZE + EXTRA - 1))).toBe(
      `/stories/talks-live#entry-${id(LIVE_PAGE_SIZE + EXTRA - 1)}`,
    );
    expect(live.entryLocation(story(), entry(1))).toBe(`/stories/talks-live/page/2#entry-${id(1)}`);
    expect(live.entryLocation(story(), entry(0))).toBe(`/stories/talks-live#entry-${id(0)}`);
  });

  it("has a permalink that does not change as pages fill", () => {
    expect(live.entryPermalink(story(), entry(1))).toBe(`/stories/talks-live/entries/${id(1)}`);
  });
});

describe("an entry's headline", () => {
  it("is its title, or its first twelve words where it has none", () => {
    expect(live.entryHeadline(entry(4))).toBe("Update 4");
    expect(live.entryHeadline(entry(3))).toBe(`${LONG_BODY.split(" ").slice(0, 12).join(" ")}…`);
  });
});
