import type { Story } from "@/lib/content";
import type { Section } from "@/site.config.mjs";

type Props = { section: Section; previous?: Story; next?: Story };

/** The stories published before and after this one in its section; each only when it exists. */
export function SectionNeighbours({ section, previous, next }: Props) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={`More in ${section.name}`} className="mt-10 grid gap-4 sm:grid-cols-2 print:hidden">
      {previous && (
        <a href={previous.url} rel="prev" className="block rounded border border-rule p-4 hover:border-ink">
          <span className="block text-sm text-muted">Previous in {section.name}</span>
          <span className="mt-1 block font-serif font-bold">{previous.headline}</span>
        </a>
      )}
      {next && (
        <a
          href={next.url}
          rel="next"
          className="block rounded border border-rule p-4 hover:border-ink sm:col-start-2 sm:text-right"
        >
          <span className="block text-sm text-muted">Next in {section.name}</span>
          <span className="mt-1 block font-serif font-bold">{next.headline}</span>
        </a>
      )}
    </nav>
  );
}
