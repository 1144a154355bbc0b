import type { TocHeading } from "@/lib/content";

/** Links to the story's section headings; shown only when there are at least two. */
export function TableOfContents({ headings }: { headings: TocHeading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav aria-labelledby="toc-title" className="my-8 border-y border-rule py-4 print:hidden">
      <h2 id="toc-title" className="text-xs font-bold tracking-wider text-muted uppercase">
        In this story
      </h2>
      <ol className="mt-2 space-y-1 text-base">
        {headings.map((h) => (
          <li key={h.id} className={h.level === 3 ? "ml-4" : undefined}>
            <a href={`#${h.id}`} className="underline hover:text-accent">
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
