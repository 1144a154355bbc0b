import { notFound } from "next/navigation";
import { Story } from "@/components/Story";
import { getAllStories, getAuthorOf, getSectionOf, getStoryBySlug } from "@/lib/content";
import { pageMetadata } from "@/lib/metadata";

type Props = { params: Promise<{ slug: string }> };

// Every story is prerendered; any other slug is a real 404.
export const dynamicParams = false;

export const generateStaticParams = () => getAllStories().map((s) => ({ slug: s.slug }));

export async function generateMetadata({ params }: Props) {
  const story = getStoryBySlug((await params).slug);
  if (!story) return {};
  return pageMetadata({ title: story.headline, description: story.standfirst, path: story.url });
}

export default async function StoryPage({ params }: Props) {
  const story = getStoryBySlug((await params).slug);
  if (!story) notFound();
  return <Story story={story} author={getAuthorOf(story)} section={getSectionOf(story)} />;
}
