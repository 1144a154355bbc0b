import { getLiveState, getStoryBySlug } from "@/lib/content";
import { LIVE_POLL_CACHE_CONTROL } from "@/lib/http-headers.mjs";

// Read from the store at each request (a lookup in memory): never prerendered, never in Next's cache.
export const dynamic = "force-dynamic";

/**
 * What a live page's island polls (components/LiveUpdates.island.tsx): the newest entry's id,
 * the entry count and a version that changes with any added, edited or deleted entry. A story
 * that is not live coverage, or not public, is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const story = getStoryBySlug((await params).slug);
  if (!story?.live) {
    return new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(JSON.stringify(getLiveState(story)), {
    headers: { "Content-Type": "application/json", "Cache-Control": LIVE_POLL_CACHE_CONTROL },
  });
}
