import { JsonLd } from "@/components/JsonLd";
import { StoryCard } from "@/components/StoryCard";
import { StoryList } from "@/components/StoryList";
import { getAllStories } from "@/lib/content";
import { pageMetadata } from "@/lib/metadata";
import { graph, organization, website } from "@/lib/structured-data";
import { LATEST_STORIES_COUNT, site } from "@/site.config";

export const metadata = pageMetadata({ path: "/" });

export default function HomePage() {
  const [lead, ...rest] = getAllStories();
  const latest = rest.slice(0, LATEST_STORIES_COUNT);
  return (
    <>
      <JsonLd data={graph(organization(), website())} />
      <h1 className="sr-only">{site.name}: the latest news</h1>
      {lead ? (
        <StoryCard story={lead} lead />
      ) : (
        <p className="text-muted">No stories have been published yet.</p>
      )}
      {latest.length > 0 && (
        <section aria-labelledby="latest-title" className="mt-10">
          <h2 id="latest-title" className="font-sans text-lg font-bold">
            Latest
          </h2>
          <StoryList stories={latest} level={3} empty="" />
        </section>
      )}
    </>
  );
}
