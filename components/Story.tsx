import {
  correctionsOf,
  embedsOf,
  headingsOf,
  getLiveState,
  isLiveNow,
  isScheduled,
  leadImageOf,
  topicsOf,
  type Article,
  type Author,
} from "@/lib/content";
import { absoluteUrl, livePollPath } from "@/lib/url";
import { LIVE_POLL_SECONDS, type Section } from "@/site.config";
import { Byline } from "./Byline";
import { Dateline } from "./Dateline";
import { EmbedCards } from "./EmbedCards.island";
import { LeadImage } from "./LeadImage";
import { LiveEntriesPlaceholder } from "./LiveEntriesPlaceholder";
import { LiveUpdates } from "./LiveUpdates.island";
import { RelatedStories } from "./RelatedStories";
import { SectionLabel } from "./SectionLabel";
import { SectionNeighbours } from "./SectionNeighbours";
import { ShareButton } from "./ShareButton.island";
import { ShareLinks } from "./ShareLinks";
import { StoryBody } from "./StoryBody";
import { CorrectionLog, LatestCorrection, UnpublishedBanner } from "./StoryNotices";
import { TableOfContents } from "./TableOfContents";
import { TopicLinks } from "./TopicLinks";

type Props = {
  story: Article;
  authors: Author[];
  section: Section;
  related: Article[];
  previous?: Article;
  next?: Article;
  /** Shown through a signed preview link (lib/preview.mjs): its banner says so. */
  preview?: boolean;
};

export function Story({ story, authors, section, related, previous, next, preview = false }: Props) {
  const url = absoluteUrl(story.url);
  const corrections = correctionsOf(story);
  const image = leadImageOf(story);
  return (
    <>
      <article className="mx-auto max-w-[42rem]">
        <header>
          <UnpublishedBanner
            draft={story.draft}
            scheduledFor={isScheduled(story) ? story.publishedAt : undefined}
            preview={preview}
          />
          <SectionLabel section={section} />
          <h1 className="mt-2 font-serif text-3xl leading-tight font-bold text-balance sm:text-5xl">
            {story.headline}
          </h1>
          <p className="mt-4 font-serif text-lg text-muted sm:text-xl">{story.standfirst}</p>
          <div className="mt-6 flex items-center justify-between gap-4 border-t border-rule pt-4">
            <Byline authors={authors} />
            <ShareButton url={url} title={story.headline} text={story.standfirst} />
          </div>
          <div className="mt-2">
            <Dateline
              published={story.publishedAt}
              updated={story.modifiedAt !== story.publishedAt ? story.modifiedAt : undefined}
              readingMinutes={story.readingMinutes}
            />
          </div>
          <LatestCorrection entries={corrections} />
        </header>
        {image && <LeadImage image={image} />}
        <TableOfContents headings={headingsOf(story)} />
        <StoryBody html={story.body.html} />
        {story.live && <LiveEntriesPlaceholder story={story} />}
        {isLiveNow(story) && (
          <LiveUpdates poll={livePollPath(story.url)} seconds={LIVE_POLL_SECONDS} {...getLiveState(story)} />
        )}
        {embedsOf(story).length > 0 && <EmbedCards />}
        <CorrectionLog entries={corrections} />
        <TopicLinks topics={topicsOf(story)} />
        <ShareLinks url={url} title={story.headline} />
      </article>
      <div className="mx-auto max-w-[42rem]">
        <SectionNeighbours section={section} previous={previous} next={next} />
        <RelatedStories stories={related} />
      </div>
    </>
  );
}
