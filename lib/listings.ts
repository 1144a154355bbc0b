/**
 * Listing pages (a section, a topic, an author): which stories they show, newest first, a page
 * at a time. Page 1 lives at the listing's own path, page n at `${path}/page/n`.
 */
import { PAGE_SIZE, site } from "@/site.config.mjs";
import {
  getActiveSections,
  getAllStories,
  getAuthorBySlug,
  getSectionBySlug,
  getStoriesByAuthor,
  getStoriesBySection,
  getStoriesByTopic,
  getTopicBySlug,
  type Story,
  type Author,
} from "./content";
import { authorChannel, sectionChannel, topicChannel, type Channel } from "./feeds";

export type Crumb = { name: string; path: string };

export type Listing = {
  kind: "section" | "topic" | "author";
  title: string;
  description?: string;
  /** Page 1's path. */
  path: string;
  crumbs: Crumb[];
  channel?: Channel;
  /** The page whose social image represents this listing. */
  imageOf?: string;
  author?: Author;
  all: Story[];
  showSection: boolean;
  empty: string;
};

export type Page<T> = { items: T[]; page: number; totalPages: number; total: number };

export const pageCount = (total: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(total / size));

/** The requested page of a list, or null when there is no such page. */
export function paginate<T>(items: T[], page: number, size = PAGE_SIZE): Page<T> | null {
  const totalPages = pageCount(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { items: items.slice((page - 1) * size, page * size), page, totalPages, total: items.length };
}

/** "2" -> 2; anything that is not a plain page number -> NaN, which paginate() rejects. */
export const parsePage = (param: string) => (/^[1-9]\d*$/.test(param) ? Number(param) : Number.NaN);

const home: Crumb = { name: "Home", path: "/" };

export function sectionListing(slug: string): Listing | null {
  const section = getSectionBySlug(slug);
  if (!section) return null;
  const path = `/${section.slug}`;
  return {
    kind: "section",
    title: section.name,
    description: section.description,
    path,
    crumbs: [home, { name: "Sections", path: "/sections" }, { name: section.name, path }],
    channel: sectionChannel(section),
    imageOf: path,
    all: getStoriesBySection(section),
    showSection: false,
    empty: `There are no ${section.name} stories yet.`,
  };
}

export function topicListing(slug: string): Listing | null {
  const topic = getTopicBySlug(slug);
  if (!topic) return null;
  const path = `/topics/${topic.slug}`;
  return {
    kind: "topic",
    title: topic.name,
    description: `${site.name} stories about ${topic.name}.`,
    path,
    crumbs: [home, { name: "Topics", path: "/topics" }, { name: topic.name, path }],
    channel: topicChannel(topic),
    all: getStoriesByTopic(topic),
    showSection: true,
    empty: `There are no stories about ${topic.name} yet.`,
  };
}

export function authorListing(slug: string): Listing | null {
  const author = getAuthorBySlug(slug);
  if (!author) return null;
  return {
    kind: "author",
    title: author.name,
    description: author.bio ?? `Stories by ${author.name} for ${site.name}.`,
    path: author.url,
    crumbs: [home, { name: author.name, path: author.url }],
    channel: authorChannel(author),
    author,
    all: getStoriesByAuthor(author),
    showSection: true,
    empty: `${author.name} has no published stories yet.`,
  };
}

/**
 * The stories the build prerenders: those the section fronts list (each section's first page,
 * which holds everything the home page lists too). Readers arrive at a front or from a link to
 * a new story; the rest of the archive is rendered on its first request.
 */
export const prerenderedStories = (): Story[] =>
  getActiveSections().flatMap((section) => getStoriesBySection(section).slice(0, PAGE_SIZE));

/** The home page: the newest story as the lead, then each section's newest, a few at a time. */
export function frontPage(perSection: number) {
  const [lead, ...rest] = getAllStories();
  const groups = getActiveSections()
    .map((section) => ({
      section,
      stories: rest.filter((s) => s.sectionName === section.name).slice(0, perSection),
      total: getStoriesBySection(section).length,
    }))
    .filter((group) => group.stories.length > 0);
  return { lead, groups };
}
