import { sectionPath } from "@/lib/url.mjs";
import { site, type Section } from "@/site.config.mjs";

type Props = { sections: Section[] };

export function SiteFooter({ sections }: Props) {
  return (
    <footer className="mt-16 border-t border-rule print:hidden">
      <div className="colophon">
        <div>
          <p className="font-serif text-lg font-bold text-ink">{site.name}</p>
          <p>{site.tagline}</p>
        </div>
        {sections.length > 0 && (
          <nav aria-label="Sections (footer)">
            <ul className="flex flex-wrap gap-x-4 gap-y-2">
              {sections.map((section) => (
                <li key={section.slug}>
                  <a href={sectionPath(section.slug)} className="underline">
                    {section.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </footer>
  );
}
