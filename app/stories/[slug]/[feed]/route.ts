import { getStoryBySlug } from "@/lib/content";
import { feedResponse, isFeedFormat, liveChannel } from "@/lib/feeds";

// A live blog's own feeds (feed.xml, atom.xml, feed.json): its entries, newest first. Made on
// first request, kept until the content changes; any other story, or name, is a 404.
export const dynamic = "force-static";
export const generateStaticParams = () => [];

export async function GET(_: Request, { params }: { params: Promise<{ slug: string; feed: string }> }) {
  const { slug, feed } = await params;
  const story = getStoryBySlug(slug);
  if (!story?.live || !isFeedFormat(feed)) return new Response("Not found", { status: 404 });
  return feedResponse(liveChannel(story), feed);
}
