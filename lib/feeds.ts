/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each section, topic and author, and
 * each live story, made with feedsmith. Every item carries its own author, dates, standfirst,
 * full content and a stable id (its canonical URL).
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import { FEED_ITEMS_COUNT, site } from "@/site.config.mjs";
import { getAllStories, getAuthorsOf, getLiveEntries, modifiedAtOf } from "./content";
import type { Story } from "./content";
import { entryHeadline, entryPermalink, entryText } from "./live";
import { FEED_FORMATS, absoluteUrl, feedPath, type FeedFormat } from "./url.mjs";

export type { FeedFormat };

export const feedFormats = {
  "feed.xml": { name: "RSS", mime: "application/rss+xml" },
  "atom.xml": { name: "Atom", mime: "application/atom+xml" },
  "feed.json": { name: "JSON Feed", mime: "application/feed+json" },
} as const satisfies Record<FeedFormat, { name: string; mime: string }>;

/** Only the formats' own names: `in` would also let through "constructor" and "toString". */
export const isFeedFormat = (name: string): name is FeedFormat => Object.hasOwn(feedFormats, name);

/**
 * A feed: a listing's (lib/listings.ts listingChannel) or a live story's. Its feeds live under
 * the page it mirrors: feedPath(path, format).
 */
export type Channel = {
  title: string;
  description: string;
  /** The HTML page the feed mirrors, e.g. /world. */
  path: string;
  stories: Story[];
  /** A live blog's feed: its entries are the items (newest first), not stories. */
  liveStory?: Story;
};

/** A feed's title: its page's, with the site's name after it. */
export const feedTitle = (title: string) => `${title} | ${site.name}`;

/** A live story's own feed, at feedPath(story.url, format): its entries. */
export const liveChannel = (story: Story): Channel => ({
  title: feedTitle(story.headline),
  description: story.standfirst,
  path: story.url,
  stories: [],
  liveStory: story,
});

const feedUrl = (channel: Channel, format: FeedFormat) => absoluteUrl(feedPath(channel.path, format));

/** A link to one of a channel's feeds, as a listing shows it to readers (components/FeedLinks). */
export type FeedLink = { format: FeedFormat; name: string; path: string };

export const feedLinks = (channel: Channel): FeedLink[] =>
  FEED_FORMATS.map((format) => ({
    format,
    name: feedFormats[format].name,
    path: feedPath(channel.path, format),
  }));

/**
 * Feed readers resolve relative links inconsistently: make the body's links absolute. A figure's
 * image keeps its plain `src`, the file itself: the srcset and sizes (the page's optimiser
 * widths) are left out, since readers treat them unevenly and the file is what they can load.
 */
function absoluteContent(body: string, path: string): string {
  const page = absoluteUrl(path);
  const html = body.replace(/<img\b[^>]*>/g, (img) => img.replace(/ (srcset|sizes)="[^"]*"/g, ""));
  return html.replace(/\b(href|src)="([#/][^"]*)"/g, (_, attr: string, target: string) => {
    const url = target.startsWith("#") ? `${page}${target}` : absoluteUrl(target);
    return `${attr}="${url}"`;
  });
}

type Entry = {
  id: string;
  url: string;
  title: string;
  summary: string;
  content: string;
  published: Date;
  modified: Date;
  authors: { name: string; url: string }[];
  topics: string[];
};

/** A live blog's entries as items: each its own permalink, title (or first words) and HTML. */
function liveEntries(story: Story): Entry[] {
  const authors = getAuthorsOf(story).map((a) => ({ name: a.name, url: absoluteUrl(a.url) }));
  return getLiveEntries(story)
    .slice(0, FEED_ITEMS_COUNT)
    .map((entry) => {
      const url = absoluteUrl(entryPermalink(story, entry));
      const text = entryText(entry);
      return {
        id: url,
        url,
        title: entryHeadline(entry),
        summary: text.length > 300 ? `${text.slice(0, text.lastIndexOf(" ", 299))}…` : text,
        content: absoluteContent(entry.body.html, story.url),
        published: new Date(entry.timeAt),
        modified: new Date(entry.timeAt),
        authors,
        topics: story.topicRefs.map((t) => t.name),
      };
    });
}

function entries(channel: Channel): Entry[] {
  if (channel.liveStory) return liveEntries(channel.liveStory);
  return channel.stories.slice(0, FEED_ITEMS_COUNT).map((story) => {
    const url = absoluteUrl(story.url);
    return {
      id: url,
      url,
      title: story.headline,
      summary: story.standfirst,
      content: absoluteContent(story.body.html, story.url),
      published: new Date(story.publishedAt),
      modified: new Date(modifiedAtOf(story)),
      authors: getAuthorsOf(story).map((a) => ({ name: a.name, url: absoluteUrl(a.url) })),
      topics: story.topicRefs.map((t) => t.name),
    };
  });
}

/**
 * The channel's last change: its newest modification (an empty channel: the site's), never the
 * build time, so that rebuilding unchanged content changes no byte.
 */
function lastChange(channel: Channel, items: Entry[]): Date {
  const times = items.map((i) => i.modified.getTime());
  if (channel.liveStory) times.push(Date.parse(modifiedAtOf(channel.liveStory)));
  if (times.length > 0) return new Date(Math.max(...times));
  const newest = getAllStories()[0];
  return new Date(newest ? modifiedAtOf(newest) : "2025-01-01T00:00:00Z");
}

export function renderFeed(channel: Channel, format: FeedFormat): string {
  const items = entries(channel);
  const home = absoluteUrl(channel.path);
  const self = feedUrl(channel, format);
  const updated = lastChange(channel, items);
  switch (format) {
    case "feed.xml":
      return generateRssFeed({
        title: channel.title,
        link: home,
        description: channel.description,
        language: site.language,
        lastBuildDate: updated,
        atom: { links: [{ href: self, rel: "self", type: feedFormats[format].mime }] },
        items: items.map((item) => ({
          title: item.title,
          link: item.url,
          guid: { value: item.id, isPermaLink: true },
          description: item.summary,
          pubDate: item.published,
          categories: item.topics.map((name) => ({ name })),
          dc: { creators: item.authors.map((a) => a.name) },
          content: { encoded: item.content },
        })),
      });
    case "atom.xml":
      return generateAtomFeed({
        id: self,
        title: { value: channel.title },
        subtitle: { value: channel.description },
        updated,
        links: [
          { href: self, rel: "self", type: feedFormats[format].mime },
          { href: home, rel: "alternate", type: "text/html" },
        ],
        entries: items.map((item) => ({
          id: item.id,
          title: { value: item.title },
          links: [{ href: item.url, rel: "alternate", type: "text/html" }],
          published: item.published,
          updated: item.modified,
          authors: item.authors.map((a) => ({ name: a.name, uri: a.url })),
          summary: { value: item.summary },
          content: { value: item.content, type: "html" },
          categories: item.topics.map((term) => ({ term })),
        })),
      });
    case "feed.json":
      return JSON.stringify(
        generateJsonFeed({
          title: channel.title,
          home_page_url: home,
          feed_url: self,
          description: channel.description,
          language: site.language,
          items: items.map((item) => ({
            id: item.id,
            url: item.url,
            title: item.title,
            summary: item.summary,
            content_html: item.content,
            date_published: item.published,
            date_modified: item.modified,
            authors: item.authors.map((a) => ({ name: a.name, url: a.url })),
            tags: item.topics,
          })),
        }),
        null,
        2,
      );
  }
}

export function feedResponse(channel: Channel, format: FeedFormat): Response {
  return new Response(renderFeed(channel, format), {
    headers: { "Content-Type": `${feedFormats[format].mime}; charset=utf-8` },
  });
}

/** `<link rel="alternate">` entries for a page's <head>: the feeds of the channels it belongs to. */
export function feedAlternates(channels: Channel[], formats: readonly FeedFormat[] = FEED_FORMATS) {
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const format of formats) {
    types[feedFormats[format].mime] = channels.map((channel) => ({
      url: feedUrl(channel, format),
      title: `${channel.title} (${feedFormats[format].name})`,
    }));
  }
  return types;
}
