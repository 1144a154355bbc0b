import { site, type Section } from "@/site.config.mjs";
import { SectionNav } from "./SectionNav";

type Props = { sections: Section[] };

export function SiteFooter({ sections }: Props) {
  return (
    <footer className="mt-16 border-t border-rule print:hidden">
      <div className="colophon">
        <div>
          <p className="font-serif text-lg font-bold text-ink">{site.name}</p>
          <p>{site.tagline}</p>
        </div>
        <SectionNav sections={sections} variant="footer" />
      </div>
    </footer>
  );
}
