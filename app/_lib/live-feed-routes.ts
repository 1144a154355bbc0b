import { getStoryBySlug } from "@/lib/content";
import { feedResponse, liveChannel, type FeedFormat } from "@/lib/feeds";

/**
 * A live blog's own feeds (feedPath(story.url, format): `/stories/<slug>/feed.xml`, `atom.xml`,
 * `feed.json`): its entries, newest first; any other story is a 404. One route file per format,
 * not a `[feed]` segment: a segment would catch every other `/stories/<slug>/<name>`, which must
 * get the site's 404 page.
 */
export const liveFeed = (format: FeedFormat) => ({
  GET: async (_: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const story = getStoryBySlug((await params).slug);
    if (!story?.live) return new Response("Not found", { status: 404 });
    return feedResponse(liveChannel(story), format);
  },
});
