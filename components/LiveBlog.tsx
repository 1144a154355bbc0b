import type { Story } from "@/lib/content";
import type { LivePage } from "@/lib/live";
import { pagePath } from "@/lib/url.mjs";
import { LiveEntryView } from "./LiveEntryView";
import { Pagination } from "./Pagination";
import { Panel } from "./Panel";
import { StoryBody } from "./StoryBody";
import { Timestamp } from "./Timestamp";

type Props = { story: Story; live: LivePage };

/**
 * A live story's page in place of an ordinary story's body: on page 1 the story's own text,
 * then the key events (links to their entries, on whichever page), the pinned entries, and the
 * entries newest first in #live-entries, whose <article data-entry-id> children the live
 * updates island adds to; older entries on later pages.
 */
export function LiveBlog({ story, live }: Props) {
  return (
    <div className="mt-8">
      {live.page === 1 ? (
        <StoryBody html={story.body.html} />
      ) : (
        <p className="text-sm text-muted">
          Older updates, page {live.page} of {live.totalPages}.{" "}
          <a href={story.url} className="underline hover:text-accent">
            The latest updates
          </a>
        </p>
      )}
      {live.keyEvents.length > 0 && (
        <Panel as="nav" kind="inset" titleId="key-events-title" title="Key events">
          <ol className="mt-2 space-y-2 text-base">
            {live.keyEvents.map(({ entry, headline, href }) => (
              <li key={entry.slug}>
                <a href={href} className="underline hover:text-accent">
                  <Timestamp at={entry.timeAt} format="dateTime" className="text-muted" /> {headline}
                </a>
              </li>
            ))}
          </ol>
        </Panel>
      )}
      {live.pinned.map((shown) => (
        <LiveEntryView key={shown.entry.slug} {...shown} pinned />
      ))}
      <section
        id="live-entries"
        aria-label={live.page === 1 ? "Updates, newest first" : `Updates, page ${live.page}, newest first`}
      >
        {live.entries.map((shown) => (
          <LiveEntryView key={shown.entry.slug} {...shown} />
        ))}
      </section>
      <Pagination page={live.page} totalPages={live.totalPages} href={(n) => pagePath(story.url, n)} />
    </div>
  );
}
