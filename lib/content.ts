/**
 * The one module that reads the published content. Routes and components ask it; nothing else
 * reads the store. Lists come back newest first.
 *
 * The content is what `npm run publish` last wrote to the store (lib/store.mjs), read while the
 * server runs: a publish changes what these functions return from the next request on, with no
 * build. What readers may see is judged at the moment they ask (isPublic): a scheduled story
 * appears in every list when its time comes, by itself.
 *
 * Every index (by slug, section, author, topic) is built once per version of the content and
 * per moment a scheduled story comes due, not per request: a lookup costs the same with one
 * story or ten thousand.
 */
import { createHash } from "node:crypto";
import { sections, type Section } from "@/site.config.mjs";
import type { Author, LiveEntry, Story, Takedown, TopicRef } from "@/schema/types";
import { contentStore, dueCount, isPublic, type Snapshot } from "./store.mjs";

export type * from "@/schema/types";
export { isPublic };

/**
 * Drafts, and stories whose publication time is still to come, are shown only in development
 * (`next dev`), where they carry a banner.
 */
const showUnpublished = process.env.NODE_ENV === "development";

/** Not public yet, by the same rule as everything else: for the development banner. */
export const isScheduled = (story: Story) => Date.parse(story.publishedAt) > Date.now();

const newestFirst = (a: Story, b: Story) =>
  b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug);

type View = {
  stories: Story[];
  storiesBySlug: Map<string, Story>;
  authorsBySlug: Map<string, Author>;
  authors: Author[];
  bySection: Map<string, Story[]>;
  byAuthor: Map<string, Story[]>;
  byTopic: Map<string, Story[]>;
  topicsBySlug: Map<string, TopicRef>;
  positionInSection: Map<Story, number>;
  takedowns: Map<string, Takedown>;
  entriesByStory: Map<string, LiveEntry[]>;
  hashes: Map<string, string>;
  liveStates: Map<string, LiveState>;
};

function groupBy<K>(stories: Story[], keysOf: (story: Story) => K[]): Map<K, Story[]> {
  const groups = new Map<K, Story[]>();
  for (const story of stories) {
    for (const key of keysOf(story)) {
      const list = groups.get(key);
      if (list) list.push(story);
      else groups.set(key, [story]);
    }
  }
  return groups;
}

/** A live story's entries, newest first (the same minute: by file name, last first). */
function entriesByStory(entries: LiveEntry[]): Map<string, LiveEntry[]> {
  const byStory = new Map<string, LiveEntry[]>();
  for (const entry of entries) {
    const list = byStory.get(entry.storySlug);
    if (list) list.push(entry);
    else byStory.set(entry.storySlug, [entry]);
  }
  for (const list of byStory.values()) {
    list.sort((a, b) => b.timeAt.localeCompare(a.timeAt) || b.slug.localeCompare(a.slug));
  }
  return byStory;
}

function buildView(snapshot: Snapshot, now: number): View {
  const all = snapshot.stories as unknown as Story[];
  const stories = all.filter((s) => showUnpublished || isPublic(s, now)).sort(newestFirst);
  const authors = snapshot.authors as unknown as Author[];
  const bySection = groupBy(stories, (s) => [s.sectionName]);
  // Two spellings of a topic with the same slug are one topic, named as its newest story names it.
  const topicsBySlug = new Map<string, TopicRef>();
  for (const story of stories) {
    for (const topic of story.topicRefs)
      if (!topicsBySlug.has(topic.slug)) topicsBySlug.set(topic.slug, topic);
  }
  const positionInSection = new Map<Story, number>();
  for (const list of bySection.values()) list.forEach((s, i) => positionInSection.set(s, i));
  return {
    stories,
    storiesBySlug: new Map(stories.map((s) => [s.slug, s])),
    authorsBySlug: new Map(authors.map((a) => [a.slug, a])),
    authors,
    bySection,
    byAuthor: groupBy(stories, (s) => s.authorSlugs),
    byTopic: groupBy(stories, (s) => s.topicRefs.map((t) => t.slug)),
    topicsBySlug,
    positionInSection,
    takedowns: snapshot.takedowns as unknown as Map<string, Takedown>,
    entriesByStory: entriesByStory(snapshot.entries as unknown as LiveEntry[]),
    hashes: snapshot.hashes,
    liveStates: new Map(),
  };
}

let memo: { snapshot: Snapshot; due: number; view: View } | null = null;

/** The content as readers may see it now; rebuilt only when the content or the due count changes. */
function view(): View {
  const snapshot = contentStore().current();
  const now = Date.now();
  const due = showUnpublished ? -1 : dueCount(snapshot, now);
  if (memo?.snapshot !== snapshot || memo.due !== due) {
    memo = { snapshot, due, view: buildView(snapshot, now) };
  }
  return memo.view;
}

/** Which version of the content is being served, for /healthz. */
export const contentVersion = () => contentStore().current().version;

export const getAllStories = (): Story[] => view().stories;

export const getStoryBySlug = (slug: string): Story | null => view().storiesBySlug.get(slug) ?? null;

/**
 * Any story in the published content, drafts and scheduled ones included: for a preview only.
 * The story page asks for it only in Next's draft mode, which server.mjs turns on for a request
 * that carried a valid signed preview link (lib/server/preview.mjs); no list, feed, sitemap or
 * search ever sees these stories before their time.
 */
export const getStoryForPreview = (slug: string): Story | null =>
  getStoredStories().find((s) => s.slug === slug) ?? null;

/**
 * Every story in the published content as the store holds it, drafts and scheduled ones
 * included, in no particular order: for the search index (lib/search.ts), which filters what it
 * indexes and applies isPublic at the moment of each search. The same array until the content
 * changes, and a story that did not change is the same object in the next version's array: the
 * index compares both by identity to update itself with only what changed.
 */
export const getStoredStories = (): Story[] => contentStore().current().stories as unknown as Story[];

/** A live story's entries, newest first; none for any other story. */
export const getLiveEntries = (story: Story): LiveEntry[] =>
  story.live ? (view().entriesByStory.get(story.slug) ?? []) : [];

/**
 * What a live page's readers poll (app/stories/[slug]/live.json): the newest entry's id, how
 * many entries there are, and a version that changes when any entry is added, edited or deleted
 * (a hash of the entries' ids and their documents' hashes in the store). Worked out once per
 * version of the content.
 */
export type LiveState = { newest: string; count: number; version: string; ended: boolean };

export function getLiveState(story: Story): LiveState {
  const current = view();
  let state = current.liveStates.get(story.slug);
  if (!state) {
    const entries = getLiveEntries(story);
    const hash = createHash("sha256");
    for (const entry of entries)
      hash.update(`${entry.slug}:${current.hashes.get(entry._raw.sourceFilePath)}\n`);
    state = {
      newest: entries[0]?.slug ?? "",
      count: entries.length,
      version: hash.digest("base64url").slice(0, 16),
      ended: !isLiveNow(story),
    };
    current.liveStates.set(story.slug, state);
  }
  return state;
}

/** Whether a story is live coverage that has not ended. */
export const isLiveNow = (story: Story) => Boolean(story.live) && !story.coverageEndAt;

/**
 * When a story last changed: its own modification time, or, for live coverage, its newest
 * entry's time when that is later. Every dateModified, lastmod and feed date reads this.
 */
export function modifiedAtOf(story: Story): string {
  const latest = getLiveEntries(story)[0];
  return latest && latest.timeAt > story.modifiedAt ? latest.timeAt : story.modifiedAt;
}

/** A story that was taken down (its page answers 410 Gone), or null. */
export const getTakedown = (slug: string): Takedown | null => view().takedowns.get(slug) ?? null;

export const getAllAuthors = (): Author[] => view().authors;

export const getAuthorBySlug = (slug: string): Author | null => view().authorsBySlug.get(slug) ?? null;

/** A story's authors in byline order. Every story names existing authors: publishing fails otherwise. */
export const getAuthorsOf = (story: Story): Author[] =>
  story.authorSlugs.map((slug) => view().authorsBySlug.get(slug)!);

export const getStoriesByAuthor = (author: Author): Story[] => view().byAuthor.get(author.slug) ?? [];

export const getSectionBySlug = (slug: string): Section | null =>
  sections.find((s) => s.slug === slug) ?? null;

export const getSectionOf = (story: Story): Section => sections.find((s) => s.name === story.sectionName)!;

export const getStoriesBySection = (section: Section): Story[] => view().bySection.get(section.name) ?? [];

/** Where a story stands in its section's list, newest first (0 for the newest). */
export const positionInSection = (story: Story): number => view().positionInSection.get(story) ?? -1;

/** Sections that have at least one story, in the declared order: what the navigation shows. */
export const getActiveSections = (): Section[] => sections.filter((s) => view().bySection.has(s.name));

export const getAllTopics = (): TopicRef[] => [...view().topicsBySlug.values()];

export const getTopicBySlug = (slug: string): TopicRef | null => view().topicsBySlug.get(slug) ?? null;

export const getStoriesByTopic = (topic: TopicRef): Story[] => view().byTopic.get(topic.slug) ?? [];
