import { Breadcrumbs } from "@/components/Breadcrumbs";
import { getStoriesBySection } from "@/lib/content";
import { formatCount } from "@/lib/format";
import { pageMetadata } from "@/lib/metadata";
import { sections, site } from "@/site.config.mjs";

export const metadata = pageMetadata({
  title: "Sections",
  description: `Every section of ${site.name}.`,
  path: "/sections",
});

export default function SectionsPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs
        crumbs={[
          { name: "Home", path: "/" },
          { name: "Sections", path: "/sections" },
        ]}
      />
      <h1 className="border-b border-rule pb-4 font-serif text-3xl font-bold sm:text-4xl">Sections</h1>
      <ul>
        {sections.map((section) => {
          const count = getStoriesBySection(section).length;
          return (
            <li key={section.slug} className="border-b border-rule py-4">
              <h2 className="font-serif text-xl font-bold">
                <a href={`/${section.slug}`} className="hover:underline">
                  {section.name}
                </a>
              </h2>
              <p className="mt-1">{section.description}</p>
              <p className="mt-1 text-sm text-muted">{formatCount(count, "story", "stories")}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
