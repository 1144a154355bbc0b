import { JsonLd } from "@/components/JsonLd";
import { StoryCard } from "@/components/StoryCard";
import { StoryList } from "@/components/StoryList";
import { frontPage } from "@/lib/listings";
import { pageMetadata } from "@/lib/metadata";
import { teaserOf } from "@/lib/teasers";
import { graph, organization, website } from "@/lib/structured-data";
import { HOME_PATH, sectionPath } from "@/lib/url.mjs";
import { HOME_STORIES_PER_SECTION, site } from "@/site.config.mjs";

export const metadata = pageMetadata({ path: HOME_PATH });

export default function HomePage() {
  const { lead, groups } = frontPage(HOME_STORIES_PER_SECTION);
  return (
    <>
      <JsonLd data={graph(organization(), website())} />
      <h1 className="sr-only">{site.name}: the latest news</h1>
      {lead ? (
        <StoryCard teaser={teaserOf(lead)} lead />
      ) : (
        <p className="text-muted">No stories have been published yet.</p>
      )}
      <div className="mt-6 grid gap-x-10 gap-y-8 md:grid-cols-2">
        {groups.map(({ section, stories, total }) => (
          <section key={section.slug} aria-labelledby={`front-${section.slug}`}>
            <h2
              id={`front-${section.slug}`}
              className="border-b-2 border-ink pb-1 font-sans text-lg font-bold"
            >
              <a href={sectionPath(section.slug)} className="hover:underline">
                {section.name}
              </a>
            </h2>
            <StoryList teasers={stories.map(teaserOf)} level={3} showSection={false} empty="" />
            {total > stories.length + (lead?.sectionName === section.name ? 1 : 0) && (
              <p className="mt-3 text-sm">
                <a href={sectionPath(section.slug)} className="font-semibold underline">
                  More {section.name}
                </a>
              </p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
