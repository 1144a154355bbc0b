import { IndexPage } from "@/components/IndexPage";
import { sectionsCrumb, trail } from "@/lib/breadcrumbs";
import { getStoriesBySection } from "@/lib/content";
import { formatCount } from "@/lib/format";
import { pageMetadata } from "@/lib/metadata";
import { SECTIONS_PATH, sectionPath } from "@/lib/url.mjs";
import { sections, site } from "@/site.config.mjs";

const page = {
  title: sectionsCrumb.name,
  description: `Every section of ${site.name}.`,
  path: SECTIONS_PATH,
};

export const metadata = pageMetadata(page);

export default function SectionsPage() {
  return (
    <IndexPage title={page.title} crumbs={trail(sectionsCrumb)}>
      <ul>
        {sections.map((section) => {
          const count = getStoriesBySection(section).length;
          return (
            <li key={section.slug} className="border-b border-rule py-4">
              <h2 className="font-serif text-xl font-bold">
                <a href={sectionPath(section.slug)} className="hover:underline">
                  {section.name}
                </a>
              </h2>
              <p className="mt-1">{section.description}</p>
              <p className="mt-1 text-sm text-muted">{formatCount(count, "story", "stories")}</p>
            </li>
          );
        })}
      </ul>
    </IndexPage>
  );
}
