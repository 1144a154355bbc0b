import { getStoryBySlug } from "@/lib/content";
import { ENTRY_REDIRECT_CACHE_CONTROL } from "@/lib/http-headers.mjs";
import { entryLocation, getLiveEntry } from "@/lib/live";

// Where an entry is depends on how many came after it: asked each time (a look-up in memory).
export const dynamic = "force-dynamic";

/**
 * An entry's stable address, the one its share link gives: a temporary redirect to the page
 * that holds it now, at the entry (#entry-<id>). An entry moves to an older page as new ones
 * come, so the answer is kept only a moment.
 */
export async function GET(_: Request, { params }: { params: Promise<{ slug: string; entry: string }> }) {
  const { slug, entry } = await params;
  const story = getStoryBySlug(slug);
  const found = story && getLiveEntry(story, entry);
  if (!story || !found) return new Response("Not found", { status: 404 });
  return new Response(null, {
    status: 307,
    headers: { Location: entryLocation(story, found), "Cache-Control": ENTRY_REDIRECT_CACHE_CONTROL },
  });
}
