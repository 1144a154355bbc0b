import { notFound } from "next/navigation";
import { StoryView } from "@/components/StoryView";
import { JsonLd } from "@/components/JsonLd";
import { storyTrail } from "@/lib/breadcrumbs";
import { getAuthorsOf, getSectionOf, getStoryBySlug } from "@/lib/content";
import { parsePage } from "@/lib/listings";
import { livePage } from "@/lib/live";
import { storyMetadata } from "@/lib/metadata";
import { storyPage } from "@/lib/story-page";
import { breadcrumbs, graph } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string; page: string }> };

// A live blog's older entries (lib/live.ts): rendered on first request, kept until the content
// changes. Page 1 is the story's own address, never /page/1; past the last page, or for a story
// that is not live, a 404.
export const generateStaticParams = () => [];

async function resolve(params: Props["params"]) {
  const { slug, page } = await params;
  const story = getStoryBySlug(slug);
  const number = parsePage(page);
  const live = story && number > 1 ? livePage(story, number) : null;
  return story && live ? { story, live } : null;
}

export async function generateMetadata({ params }: Props) {
  const found = await resolve(params);
  if (!found) return {};
  const { story, live } = found;
  return storyMetadata({
    story,
    authors: getAuthorsOf(story),
    section: getSectionOf(story),
    page: live.page,
  });
}

export default async function LiveBlogPage({ params }: Props) {
  const found = await resolve(params);
  if (!found) notFound();
  const { story, live } = found;
  const page = storyPage(story, live);
  const { section } = page;
  return (
    <>
      <JsonLd data={graph(breadcrumbs(storyTrail(story, section, live.page)))} />
      <StoryView {...page} />
    </>
  );
}
