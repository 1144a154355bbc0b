import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { Story } from "@/components/Story";
import { StoryRemoved } from "@/components/StoryRemoved";
import { getAuthorsOf, getSectionOf, getStoryBySlug, getTakedown } from "@/lib/content";
import { prerenderedStories } from "@/lib/listings";
import { removedMetadata, storyMetadata } from "@/lib/metadata";
import { relatedStories, sectionNeighbours } from "@/lib/related";
import { breadcrumbs, graph, newsArticle } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };

// The newest stories are prerendered; any other is rendered on its first request and kept until
// the content changes (lib/cache-handler.mjs). A slug that is not a public story is a 404.
export const generateStaticParams = () => prerenderedStories().map((s) => ({ slug: s.slug }));

export async function generateMetadata({ params }: Props) {
  const slug = (await params).slug;
  const story = getStoryBySlug(slug);
  if (!story) return getTakedown(slug) ? removedMetadata() : {};
  return storyMetadata({ story, authors: getAuthorsOf(story), section: getSectionOf(story) });
}

export default async function StoryPage({ params }: Props) {
  const slug = (await params).slug;
  const story = getStoryBySlug(slug);
  if (!story) {
    // A story taken down answers 410 Gone: server.mjs sets the status, this is the page.
    if (getTakedown(slug)) return <StoryRemoved />;
    notFound();
  }
  const authors = getAuthorsOf(story);
  const section = getSectionOf(story);
  const trail = [
    { name: "Home", path: "/" },
    { name: section.name, path: `/${section.slug}` },
    { name: story.headline, path: story.url },
  ];
  return (
    <>
      <JsonLd data={graph(newsArticle({ story, authors, section }), breadcrumbs(trail))} />
      <Story
        story={story}
        authors={authors}
        section={section}
        related={relatedStories(story)}
        {...sectionNeighbours(story)}
      />
    </>
  );
}
