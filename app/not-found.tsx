import { StoryList } from "@/components/StoryList";
import { getActiveSections, getAllStories } from "@/lib/content";
import { teaserOf } from "@/lib/teasers";
import { HOME_PATH, sectionPath } from "@/lib/url.mjs";
import { site } from "@/site.config.mjs";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  const sections = getActiveSections();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">We can’t find that page</h1>
      <p className="mt-4 text-lg">
        The address may be mistyped, or the page may have moved. Try the{" "}
        <a href={HOME_PATH} className="underline">
          {site.name} home page
        </a>
        {sections.length > 0 && (
          <>
            {" "}
            or a section:{" "}
            {sections.map((section, i) => (
              <span key={section.slug}>
                {i > 0 && ", "}
                <a href={sectionPath(section.slug)} className="underline">
                  {section.name}
                </a>
              </span>
            ))}
          </>
        )}
        .
      </p>
      <section aria-labelledby="latest-title" className="mt-10">
        <h2 id="latest-title" className="text-lg font-bold">
          Latest stories
        </h2>
        <StoryList teasers={getAllStories().slice(0, 5).map(teaserOf)} level={3} empty="No stories yet." />
      </section>
    </div>
  );
}
