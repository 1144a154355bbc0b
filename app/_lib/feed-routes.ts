/**
 * The feeds of a section, topic or author (`<path>/feed.xml`, `atom.xml`, `feed.json`) are the
 * same route for each; the route files name their listing and re-export these.
 */
import { getAuthorBySlug, getSectionBySlug, getStoryBySlug, getTopicBySlug } from "@/lib/content";
import {
  authorChannel,
  feedFormatNames,
  feedResponse,
  isFeedFormat,
  liveChannel,
  sectionChannel,
  topicChannel,
  type Channel,
  type FeedFormat,
} from "@/lib/feeds";
import { sections } from "@/site.config.mjs";

type Context = { params: Promise<Record<string, string>> };

/** `prerendered`: the slugs whose feeds the build makes; the rest wait for a request. */
function feedRoutes(param: string, channelOf: (slug: string) => Channel | null, prerendered: () => string[]) {
  return {
    generateStaticParams: () =>
      prerendered().flatMap((slug) => feedFormatNames.map((feed) => ({ [param]: slug, feed }))),
    GET: async (_: Request, { params }: Context) => {
      const values = await params;
      const channel = channelOf(values[param]);
      if (!channel || !isFeedFormat(values.feed)) return new Response("Not found", { status: 404 });
      return feedResponse(channel, values.feed);
    },
  };
}

const orNull =
  <T>(find: (slug: string) => T | null, channel: (found: T) => Channel) =>
  (slug: string) => {
    const found = find(slug);
    return found ? channel(found) : null;
  };

export const sectionFeeds = feedRoutes("section", orNull(getSectionBySlug, sectionChannel), () =>
  sections.map((s) => s.slug),
);
// Topic and author feeds are made on first request.
export const topicFeeds = feedRoutes("slug", orNull(getTopicBySlug, topicChannel), () => []);
export const authorFeeds = feedRoutes("slug", orNull(getAuthorBySlug, authorChannel), () => []);

/**
 * A live blog's own feeds (`/stories/<slug>/feed.xml`, `atom.xml`, `feed.json`): its entries,
 * newest first; any other story is a 404. One route file per format, not a `[feed]` segment: a
 * segment would catch every other `/stories/<slug>/<name>`, which must get the site's 404 page.
 */
export const liveFeed = (format: FeedFormat) => ({
  GET: async (_: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const story = getStoryBySlug((await params).slug);
    if (!story?.live) return new Response("Not found", { status: 404 });
    return feedResponse(liveChannel(story), format);
  },
});
