import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { Story } from "@/components/Story";
import { getAllStories, getAuthorOf, getSectionOf, getStoryBySlug } from "@/lib/content";
import { storyMetadata } from "@/lib/metadata";
import { relatedStories, sectionNeighbours } from "@/lib/related";
import { breadcrumbs, graph, newsArticle } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };

// Every story is prerendered; any other slug is a real 404.
export const dynamicParams = false;

export const generateStaticParams = () => getAllStories().map((s) => ({ slug: s.slug }));

export async function generateMetadata({ params }: Props) {
  const story = getStoryBySlug((await params).slug);
  if (!story) return {};
  return storyMetadata({ story, author: getAuthorOf(story), section: getSectionOf(story) });
}

export default async function StoryPage({ params }: Props) {
  const story = getStoryBySlug((await params).slug);
  if (!story) notFound();
  const author = getAuthorOf(story);
  const section = getSectionOf(story);
  const trail = [
    { name: "Home", path: "/" },
    { name: section.name, path: `/${section.slug}` },
    { name: story.headline, path: story.url },
  ];
  return (
    <>
      <JsonLd data={graph(newsArticle({ story, author, section }), breadcrumbs(trail))} />
      <Story
        story={story}
        author={author}
        section={section}
        related={relatedStories(story)}
        {...sectionNeighbours(story)}
      />
    </>
  );
}
