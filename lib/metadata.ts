/**
 * Every page's <head> metadata is made here: title, description, canonical URL, robots,
 * OpenGraph, Twitter card and feed discovery links. Absolute URLs come from metadataBase
 * (site.url, set in the root layout).
 */
import type { Metadata } from "next";
import { site, type Section } from "@/site.config.mjs";
import { modifiedAtOf, type Story, type Author } from "./content";
import { feedAlternates, liveChannel, type Channel, type FeedFormat } from "./feeds";
import { SOCIAL_IMAGE } from "./structured-data";
import { listingChannel, sectionListing, siteChannel, type ListingPageData } from "./listings";
import { HOME_PATH, absoluteUrl, pagePath, socialImagePath } from "./url.mjs";

type PageMetadata = {
  title?: string;
  description?: string;
  path: string;
  /** The feeds this page belongs to, besides the whole site's. */
  channels?: Channel[];
  /** The formats announced for them (default: all three). */
  feedFormats?: readonly FeedFormat[];
  /** The page whose social image represents this one (default: the home page's). */
  imageOf?: string;
  imageAlt?: string;
};

/** A story that was taken down: its page says so, and nothing about it is indexed. */
export const removedMetadata = (): Metadata => ({
  title: "Story removed",
  robots: { index: false, follow: true },
});

/** A preview of a story not yet published (lib/preview.mjs): never indexed, its links never followed. */
export const previewMetadata = (story: Metadata): Metadata => ({
  ...story,
  robots: { index: false, follow: false },
});

export function pageMetadata({
  title,
  description,
  path,
  channels = [],
  feedFormats,
  imageOf = HOME_PATH,
  imageAlt = `${site.name}: ${site.tagline}`,
}: PageMetadata): Metadata {
  const summary = description ?? site.description;
  const image = { url: socialImagePath(imageOf), ...SOCIAL_IMAGE, alt: imageAlt, type: "image/png" };
  return {
    // Without a title the layout's default applies; `title: undefined` would remove it.
    ...(title ? { title } : {}),
    description: summary,
    alternates: {
      canonical: path,
      types: feedAlternates([...channels, siteChannel()], feedFormats),
    },
    robots: { index: true, follow: true, "max-image-preview": "large" },
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.locale,
      url: path,
      title: title ?? site.name,
      description: summary,
      images: [image],
    },
    // X reads og:image when twitter:image is absent. An empty list (not a missing one) stops
    // Next copying the OpenGraph image into five more tags on every page.
    twitter: {
      card: "summary_large_image",
      title: title ?? site.name,
      description: summary,
      images: [],
    },
  };
}

type StoryMetadata = {
  story: Story;
  authors: Author[];
  section: Section;
  /** A live blog's page (1: the story's own address). */
  page?: number;
};

export function storyMetadata({ story, authors, section, page = 1 }: StoryMetadata): Metadata {
  const base = pageMetadata({
    title: page > 1 ? `${story.headline}, page ${page}` : story.headline,
    description: story.standfirst,
    path: pagePath(story.url, page),
    // A live blog announces its own feed (its entries) first.
    channels: [...(story.live ? [liveChannel(story)] : []), listingChannel(sectionListing(section))],
    // A story page points feed readers at its section's and the site's RSS; the listing pages
    // announce all three formats.
    feedFormats: ["feed.xml"],
    imageOf: story.url,
    imageAlt: story.headline,
  });
  return {
    ...base,
    authors: authors.map((a) => ({ name: a.name, url: absoluteUrl(a.url) })),
    openGraph: {
      ...base.openGraph,
      type: "article",
      publishedTime: story.publishedAt,
      modifiedTime: modifiedAtOf(story),
      authors: authors.map((a) => absoluteUrl(a.url)),
      section: section.name,
      tags: story.topicRefs.map((t) => t.name),
    },
  };
}

/** A listing's page n: its own canonical URL, its feeds, its section's image where it has one. */
export function listingMetadata(listing: ListingPageData, page: number): Metadata {
  const metadata = pageMetadata({
    title: page > 1 ? `${listing.title}, page ${page}` : listing.title,
    description: listing.description,
    path: pagePath(listing.path, page),
    channels: [listing.channel],
    ...(listing.imageOf
      ? { imageOf: listing.imageOf, imageAlt: `${listing.title}: ${listing.description}` }
      : {}),
  });
  // An empty section is a real page for readers, but nothing for a search engine to index.
  return listing.stories.length > 0 ? metadata : { ...metadata, robots: { index: false, follow: true } };
}
