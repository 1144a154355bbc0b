import { getLiveEntries, type Article } from "@/lib/content";
import { formatDateTime } from "@/lib/format";
import { StoryBody } from "./StoryBody";

/**
 * PLACEHOLDER, to be replaced by the live page's own entries list (issue 14, item 2, built on
 * another branch): the least of its DOM contract that LiveUpdates.island.tsx works against,
 * <section id="live-entries"> holding <article id="entry-<slug>" data-entry-id="<slug>">
 * newest first.
 */
export function LiveEntriesPlaceholder({ story }: { story: Article }) {
  return (
    <section id="live-entries" aria-label="Live updates" className="mt-8">
      {getLiveEntries(story).map((entry) => (
        <article
          key={entry.slug}
          id={`entry-${entry.slug}`}
          data-entry-id={entry.slug}
          className="border-t border-rule pt-4"
        >
          <p className="text-sm text-muted">
            <time dateTime={entry.timeAt}>{formatDateTime(entry.timeAt)}</time>
          </p>
          {entry.title && <h2 className="font-serif text-xl font-bold">{entry.title}</h2>}
          <StoryBody html={entry.body.html} />
        </article>
      ))}
    </section>
  );
}
