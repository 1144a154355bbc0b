import { sectionPath } from "@/lib/url.mjs";
import type { Section } from "@/site.config.mjs";

export function SectionLabel({ section }: { section: Section }) {
  return (
    <a
      href={sectionPath(section.slug)}
      className="text-sm font-bold tracking-wider text-accent uppercase hover:underline"
    >
      {section.name}
    </a>
  );
}
