/**
 * Listings: the home page, a section, a topic, an author. Each is described once (its title,
 * description, path and stories, newest first), and its page, its feeds and its sitemap entry
 * all use that description. A section's, topic's or author's page shows its stories a page at a
 * time: page 1 at the listing's own path, page n at pagePath(path, n) (lib/url.mjs).
 */
import { PAGE_SIZE, site, type Section } from "@/site.config.mjs";
import { sectionsCrumb, topicsCrumb, trail, type Crumb } from "./breadcrumbs";
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
  type TopicRef,
} from "./content";
import { feedTitle, type Channel } from "./feeds";
import { HOME_PATH, sectionPath, topicPath } from "./url.mjs";

/** What a listing is, for its page, its feeds and the sitemap alike. */
export type Listing = {
  kind: "home" | "section" | "topic" | "author";
  /** The page's title; the home page's is the site's name. */
  title: string;
  description: string;
  /** Page 1's path. */
  path: string;
  /** Newest first. */
  stories: Story[];
};

export const homeListing = (): Listing => ({
  kind: "home",
  title: site.name,
  description: site.description,
  path: HOME_PATH,
  stories: getAllStories(),
});

export const sectionListing = (section: Section): Listing => ({
  kind: "section",
  title: section.name,
  description: section.description,
  path: sectionPath(section.slug),
  stories: getStoriesBySection(section),
});

export const topicListing = (topic: TopicRef): Listing => ({
  kind: "topic",
  title: topic.name,
  description: `${site.name} stories about ${topic.name}.`,
  path: topicPath(topic.slug),
  stories: getStoriesByTopic(topic),
});

export const authorListing = (author: Author): Listing => ({
  kind: "author",
  title: author.name,
  description: author.bio ?? `Stories by ${author.name} for ${site.name}.`,
  path: author.url,
  stories: getStoriesByAuthor(author),
});

/** A listing's feeds: titled as its page is (the home page's: the site's name). */
export const listingChannel = (listing: Listing): Channel => ({
  title: listing.kind === "home" ? listing.title : feedTitle(listing.title),
  description: listing.description,
  path: listing.path,
  stories: listing.stories,
});

/** The whole site's feeds (/feed.xml and so on): the home page's. */
export const siteChannel = () => listingChannel(homeListing());

/** A section's, topic's or author's own page: its listing, and what the page shows besides. */
export type ListingPageData = Listing & {
  /** From the home page to the listing itself. */
  crumbs: Crumb[];
  channel: Channel;
  /** The page whose social image represents this listing. */
  imageOf?: string;
  author?: Author;
  showSection: boolean;
  empty: string;
};

type Shown = Omit<ListingPageData, keyof Listing | "crumbs" | "channel">;

/** A listing's page: its trail passes through `parents` to the listing; its feeds are the listing's. */
const listingPage = (listing: Listing, parents: Crumb[], shown: Shown): ListingPageData => ({
  ...listing,
  crumbs: trail(...parents, { name: listing.title, path: listing.path }),
  channel: listingChannel(listing),
  ...shown,
});

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

/** A section's page, by the slug in its address, or null. */
export function sectionListingPage(slug: string): ListingPageData | null {
  const section = getSectionBySlug(slug);
  if (!section) return null;
  const empty = `There are no ${section.name} stories yet.`;
  return listingPage(sectionListing(section), [sectionsCrumb], {
    imageOf: sectionPath(slug),
    showSection: false,
    empty,
  });
}

/** A topic's page, by the slug in its address, or null. */
export function topicListingPage(slug: string): ListingPageData | null {
  const topic = getTopicBySlug(slug);
  return topic
    ? listingPage(topicListing(topic), [topicsCrumb], {
        showSection: true,
        empty: `There are no stories about ${topic.name} yet.`,
      })
    : null;
}

/** An author's page, by the slug in its address, or null. */
export function authorListingPage(slug: string): ListingPageData | null {
  const author = getAuthorBySlug(slug);
  if (!author) return null;
  return listingPage(authorListing(author), [], {
    author,
    showSection: true,
    empty: `${author.name} has no published stories yet.`,
  });
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
