import type { TocHeading } from "@/lib/content";
import { Panel } from "./Panel";

/** Links to the story's section headings; shown only when there are at least two. */
export function TableOfContents({ headings }: { headings: TocHeading[] }) {
  if (headings.length < 2) return null;
  return (
    <Panel as="nav" kind="inset" titleId="toc-title" title="In this story" print={false}>
      <ol className="mt-2 space-y-1 text-base">
        {headings.map((h) => (
          <li key={h.id} className={h.level === 3 ? "ml-4" : undefined}>
            <a href={`#${h.id}`} className="underline hover:text-accent">
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
