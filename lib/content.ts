/**
 * The one module that reads the generated content. Routes and components ask it; nothing else
 * imports contentlayer/generated. Lists come back newest first. Every index is built once, when
 * the module loads, so that a lookup costs the same with one story or ten thousand.
 */
import { allArticles, allAuthors, type Article, type Author } from "contentlayer/generated";
import { sections, type Section } from "@/site.config";

export type { Article, Author };
export type TocHeading = { level: 2 | 3; text: string; id: string };
export type TopicRef = { name: string; slug: string };
export type CorrectionEntry = { date: string; kind: "correction" | "update"; text: string };
export type LeadImageInfo = {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
};

/** Contentlayer types `json` computed fields loosely; these accessors give them their shape. */
export const headingsOf = (story: Article) => story.headings as TocHeading[];
export const topicsOf = (story: Article) => story.topicRefs as TopicRef[];
export const correctionsOf = (story: Article) => story.correctionLog as CorrectionEntry[];
export const leadImageOf = (story: Article) => story.leadImage as LeadImageInfo | null;

/**
 * Drafts, and stories whose publication time is still to come, exist only in development
 * (`next dev`), where they carry a banner. A production build leaves them out everywhere:
 * pages, listings, feeds, sitemaps, search. "To come" is judged when the build runs.
 */
const showUnpublished = process.env.NODE_ENV === "development";
const builtAt = process.env.BROADSHEET_BUILT_AT ?? new Date().toISOString();
export const isScheduled = (story: Article) => story.publishedAt > builtAt;
const isPublic = (story: Article) => !story.draft && !isScheduled(story);

const newestFirst = (a: Article, b: Article) =>
  b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug);
const stories: Article[] = allArticles.filter((s) => showUnpublished || isPublic(s)).sort(newestFirst);

function groupBy<K>(keysOf: (story: Article) => K[]): Map<K, Article[]> {
  const groups = new Map<K, Article[]>();
  for (const story of stories) {
    for (const key of keysOf(story)) {
      const list = groups.get(key);
      if (list) list.push(story);
      else groups.set(key, [story]);
    }
  }
  return groups;
}

const storiesBySlug = new Map(stories.map((s) => [s.slug, s]));
const authorsBySlug = new Map(allAuthors.map((a) => [a.slug, a]));
const bySection = groupBy((s) => [s.sectionName]);
const byAuthor = groupBy((s) => [s.author]);
const byTopic = groupBy((s) => topicsOf(s).map((t) => t.slug));

/** Two spellings of a topic with the same slug are one topic, named as its newest story names it. */
const topicsBySlug = new Map<string, TopicRef>();
for (const story of stories) {
  for (const topic of topicsOf(story)) if (!topicsBySlug.has(topic.slug)) topicsBySlug.set(topic.slug, topic);
}

export const getAllStories = (): Article[] => stories;

export const getStoryBySlug = (slug: string): Article | null => storiesBySlug.get(slug) ?? null;

export const getAllAuthors = (): Author[] => allAuthors;

export const getAuthorBySlug = (slug: string): Author | null => authorsBySlug.get(slug) ?? null;

/** Every story names an existing author: the content build fails otherwise. */
export const getAuthorOf = (story: Article): Author => authorsBySlug.get(story.author)!;

export const getStoriesByAuthor = (author: Author): Article[] => byAuthor.get(author.slug) ?? [];

export const getSectionBySlug = (slug: string): Section | null =>
  sections.find((s) => s.slug === slug) ?? null;

export const getSectionOf = (story: Article): Section => sections.find((s) => s.name === story.sectionName)!;

export const getStoriesBySection = (section: Section): Article[] => bySection.get(section.name) ?? [];

/** Sections that have at least one story, in the declared order: what the navigation shows. */
export const getActiveSections = (): Section[] => sections.filter((s) => bySection.has(s.name));

export const getAllTopics = (): TopicRef[] => [...topicsBySlug.values()];

export const getTopicBySlug = (slug: string): TopicRef | null => topicsBySlug.get(slug) ?? null;

export const getStoriesByTopic = (topic: TopicRef): Article[] => byTopic.get(topic.slug) ?? [];
