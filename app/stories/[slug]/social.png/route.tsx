import { socialImage } from "@/components/SocialImage";
import { getAllStories, getSectionOf, getStoryBySlug } from "@/lib/content";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = () => getAllStories().map((s) => ({ slug: s.slug }));

export async function GET(_: Request, { params }: { params: Promise<{ slug: string }> }) {
  const story = getStoryBySlug((await params).slug)!;
  return socialImage({ kicker: getSectionOf(story).name, title: story.headline });
}
