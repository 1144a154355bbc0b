import { formatNames } from "@/lib/format";
import type { Teaser } from "@/lib/teasers";
import { Timestamp } from "./Timestamp";

type Props = {
  teaser: Teaser;
  /** The lead story on a front is bigger and shows its standfirst. */
  lead?: boolean;
  /** The heading level in the page's outline: h2 on fronts, h3 under a group heading. */
  level?: 2 | 3;
  /** Hide the section label where the whole list is one section. */
  showSection?: boolean;
};

export function StoryCard({ teaser, lead = false, level = 2, showSection = true }: Props) {
  const { story, section, authors, liveNow } = teaser;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className={lead ? "border-b border-rule pb-8" : "border-b border-rule py-5"}>
      {showSection && (
        <p className="text-xs font-bold tracking-wider text-accent uppercase">{section.name}</p>
      )}
      {/* Live coverage says so in every listing while it runs; once ended it is an ordinary story. */}
      {liveNow && (
        <p className="mt-1">
          <span className="live-label">Live</span>
        </p>
      )}
      <Heading
        className={`mt-1 max-w-4xl font-serif font-bold text-balance ${lead ? "text-3xl leading-tight sm:text-5xl" : "text-xl leading-snug"}`}
      >
        <a href={story.url} className="hover:underline">
          {story.headline}
        </a>
      </Heading>
      {lead && <p className="mt-3 max-w-3xl font-serif text-lg text-muted sm:text-xl">{story.standfirst}</p>}
      <p className="mt-2 text-sm text-muted">
        {formatNames(authors.map((a) => a.name))} · <Timestamp at={story.publishedAt} format="date" />
      </p>
    </article>
  );
}
