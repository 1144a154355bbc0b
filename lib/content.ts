/**
 * The one module that reads the generated content. Routes and components ask it; nothing else
 * imports contentlayer/generated. Lists come back newest first.
 */
import { allArticles, allAuthors, type Article, type Author } from "contentlayer/generated";
import { sections, type Section } from "@/site.config";

export type { Article, Author };
export type TocHeading = { level: 2 | 3; text: string; id: string };
export type TopicRef = { name: string; slug: string };

/** Contentlayer types `json` computed fields loosely; these accessors give them their shape. */
export const headingsOf = (story: Article) => story.headings as TocHeading[];
export const topicsOf = (story: Article) => story.topicRefs as TopicRef[];

const newestFirst = (a: Article, b: Article) => b.publishedAt.localeCompare(a.publishedAt);
const stories: Article[] = [...allArticles].sort(newestFirst);
const authorsBySlug = new Map(allAuthors.map((a) => [a.slug, a]));

export const getAllStories = (): Article[] => stories;

export const getStoryBySlug = (slug: string): Article | null => stories.find((s) => s.slug === slug) ?? null;

export const getAllAuthors = (): Author[] => allAuthors;

export const getAuthorBySlug = (slug: string): Author | null => authorsBySlug.get(slug) ?? null;

/** Every story names an existing author: the content build fails otherwise. */
export const getAuthorOf = (story: Article): Author => authorsBySlug.get(story.author)!;

export const getStoriesByAuthor = (author: Author): Article[] =>
  stories.filter((s) => s.author === author.slug);

export const getSectionBySlug = (slug: string): Section | null =>
  sections.find((s) => s.slug === slug) ?? null;

export const getSectionOf = (story: Article): Section => sections.find((s) => s.name === story.sectionName)!;

export const getStoriesBySection = (section: Section): Article[] =>
  stories.filter((s) => s.sectionName === section.name);

/** Sections that have at least one story, in the declared order: what the navigation shows. */
export const getActiveSections = (): Section[] =>
  sections.filter((section) => stories.some((s) => s.sectionName === section.name));

/** Every topic, keyed by slug; two spellings with the same slug are one topic. */
const topicsBySlug = new Map<string, TopicRef>();
for (const story of stories) {
  for (const topic of topicsOf(story)) if (!topicsBySlug.has(topic.slug)) topicsBySlug.set(topic.slug, topic);
}

export const getAllTopics = (): TopicRef[] => [...topicsBySlug.values()];

export const getTopicBySlug = (slug: string): TopicRef | null => topicsBySlug.get(slug) ?? null;

export const getStoriesByTopic = (topic: TopicRef): Article[] =>
  stories.filter((s) => topicsOf(s).some((t) => t.slug === topic.slug));
