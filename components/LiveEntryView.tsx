import type { ShownEntry } from "@/lib/live";
import { StoryBody } from "./StoryBody";
import { Timestamp } from "./Timestamp";

type Props = ShownEntry & { pinned?: boolean };

/**
 * One entry of a live blog: its time (a link to itself, #entry-<id>), its title, its body, and
 * its stable address to share, which leads to whichever page holds it.
 */
export function LiveEntryView({ entry, anchor, permalink, pinned = false }: Props) {
  return (
    <article
      id={anchor}
      data-entry-id={entry.slug}
      className={`border-t border-rule py-6 ${pinned ? "border-t-4 border-t-accent" : ""}`}
    >
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
        {pinned && <span className="font-bold tracking-wider text-accent uppercase">Pinned</span>}
        {entry.key && <span className="font-bold tracking-wider text-accent uppercase">Key event</span>}
        <a href={`#${anchor}`} className="font-bold underline hover:text-accent">
          <Timestamp at={entry.timeAt} format="dateTime" />
        </a>
      </p>
      {entry.title && <h2 className="mt-2 font-sans text-xl leading-snug font-bold">{entry.title}</h2>}
      <div className="mt-2">
        <StoryBody html={entry.body.html} />
      </div>
      <p className="mt-3 text-sm print:hidden">
        <a href={permalink} className="text-muted underline hover:text-accent">
          Share this update
        </a>
      </p>
    </article>
  );
}
