import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { StoryList } from "@/components/StoryList";
import { getSectionBySlug, getStoriesBySection } from "@/lib/content";
import { sectionChannel } from "@/lib/feeds";
import { pageMetadata } from "@/lib/metadata";
import { breadcrumbs, graph } from "@/lib/structured-data";
import { sections } from "@/site.config";

type Props = { params: Promise<{ section: string }> };

// Only the declared sections exist; any other single-segment URL is a real 404.
export const dynamicParams = false;

export const generateStaticParams = () => sections.map((s) => ({ section: s.slug }));

export async function generateMetadata({ params }: Props) {
  const section = getSectionBySlug((await params).section);
  if (!section) return {};
  const path = `/${section.slug}`;
  return pageMetadata({
    title: section.name,
    description: section.description,
    path,
    channels: [sectionChannel(section)],
    imageOf: path,
    imageAlt: `${section.name}: ${section.description}`,
  });
}

export default async function SectionPage({ params }: Props) {
  const section = getSectionBySlug((await params).section);
  if (!section) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <JsonLd
        data={graph(
          breadcrumbs([
            { name: "Home", path: "/" },
            { name: section.name, path: `/${section.slug}` },
          ]),
        )}
      />
      <header className="border-b border-rule pb-4">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{section.name}</h1>
        <p className="mt-2 text-muted">{section.description}</p>
      </header>
      <StoryList
        stories={getStoriesBySection(section)}
        showSection={false}
        empty={`There are no ${section.name} stories yet.`}
      />
    </div>
  );
}
