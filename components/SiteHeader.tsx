import { HOME_PATH, sectionPath } from "@/lib/url.mjs";
import { site, type Section } from "@/site.config.mjs";
import { SearchForm } from "./SearchForm";

type Props = { sections: Section[] };

export function SiteHeader({ sections }: Props) {
  return (
    <header className="border-b border-rule">
      <div className="masthead">
        <div>
          <a href={HOME_PATH} className="inline-block no-underline">
            <span className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">{site.name}</span>
            <span className="sr-only"> home page</span>
          </a>
          <p className="mt-1 text-sm text-muted print:hidden">{site.tagline}</p>
        </div>
        <div className="w-full sm:w-72 print:hidden">
          <SearchForm id="site-search-q" />
        </div>
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="mx-auto max-w-5xl px-4 print:hidden">
          <ul className="-mx-2 flex flex-wrap text-sm font-semibold">
            {sections.map((section) => (
              <li key={section.slug}>
                <a href={sectionPath(section.slug)} className="inline-block px-2 py-3 hover:underline">
                  {section.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
