import { socialImage } from "@/app/_lib/social-image";
import { getSectionOf, getStoryBySlug, isLiveNow } from "@/lib/content";

// Drawn on first request (about 100 ms), then kept until the content changes.
export const dynamic = "force-static";
export const generateStaticParams = () => [];

export async function GET(_: Request, { params }: { params: Promise<{ slug: string }> }) {
  const story = getStoryBySlug((await params).slug);
  if (!story) return new Response("Not found", { status: 404 });
  return socialImage({
    kicker: getSectionOf(story).name,
    title: story.headline,
    // Kept until the content changes: a publish that ends the coverage draws it again.
    badge: isLiveNow(story) ? "Live" : undefined,
  });
}
