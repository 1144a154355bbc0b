import { HOME_PATH } from "@/lib/url.mjs";
import { site, type Section } from "@/site.config.mjs";
import { SearchForm } from "./SearchForm";
import { SectionNav } from "./SectionNav";

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
      <SectionNav sections={sections} variant="header" />
    </header>
  );
}
