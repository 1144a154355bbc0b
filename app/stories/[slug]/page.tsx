import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { StoryView } from "@/components/StoryView";
import { StoryRemoved } from "@/components/StoryRemoved";
import { storyTrail } from "@/lib/breadcrumbs";
import { getAuthorsOf, getSectionOf, getStoryBySlug, getStoryForPreview, getTakedown } from "@/lib/content";
import { prerenderedStories } from "@/lib/listings";
import { previewMetadata, removedMetadata, storyMetadata } from "@/lib/metadata";
import { livePage } from "@/lib/live";
import { storyPage } from "@/lib/story-page";
import { breadcrumbs, graph, storyArticle } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };

// The newest stories are prerendered; any other is rendered on its first request and kept until
// the content changes (lib/cache-handler.mjs). A slug that is not a public story is a 404.
export const generateStaticParams = () => prerenderedStories().map((s) => ({ slug: s.slug }));

/**
 * The story at this address: a public one; or, in Next's draft mode, which server.mjs turns on
 * only for a valid signed preview link (lib/server/preview.mjs), a draft or scheduled one.
 * Draft mode renders at request time and stores nothing; reading it costs other requests nothing.
 */
async function storyAt(slug: string) {
  const preview = (await draftMode()).isEnabled;
  return { preview, story: preview ? getStoryForPreview(slug) : getStoryBySlug(slug) };
}

export async function generateMetadata({ params }: Props) {
  const slug = (await params).slug;
  const { story, preview } = await storyAt(slug);
  if (!story) return getTakedown(slug) ? removedMetadata() : {};
  const metadata = storyMetadata({ story, authors: getAuthorsOf(story), section: getSectionOf(story) });
  return preview ? previewMetadata(metadata) : metadata;
}

export default async function StoryPage({ params }: Props) {
  const slug = (await params).slug;
  const { story, preview } = await storyAt(slug);
  if (!story) {
    // A story taken down answers 410 Gone: server.mjs sets the status, this is the page.
    if (getTakedown(slug)) return <StoryRemoved />;
    notFound();
  }
  const page = storyPage(story, livePage(story, 1));
  const { authors, section } = page;
  return (
    <>
      <JsonLd
        data={graph(storyArticle({ story, authors, section }), breadcrumbs(storyTrail(story, section)))}
      />
      <StoryView {...page} preview={preview} />
    </>
  );
}
