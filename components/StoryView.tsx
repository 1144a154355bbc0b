import type { StoryPage } from "@/lib/story-page";
import { absoluteUrl, livePollPath } from "@/lib/url.mjs";
import { LIVE_POLL_SECONDS } from "@/site.config.mjs";
import { Byline } from "./Byline";
import { Dateline } from "./Dateline";
import { EmbedCards } from "./EmbedCards.island";
import { LeadImage } from "./LeadImage";
import { LiveBlog } from "./LiveBlog";
import { LiveStatus } from "./LiveStatus";
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

type Props = StoryPage & {
  /** Shown through a signed preview link (lib/preview.mjs): its banner says so. */
  preview?: boolean;
};

export function StoryView({
  story,
  authors,
  section,
  modifiedAt: modified,
  scheduled,
  liveNow,
  live,
  updates,
  related,
  previous,
  next,
  preview = false,
}: Props) {
  const url = absoluteUrl(story.url);
  const corrections = story.correctionLog;
  const image = story.leadImage;
  const embeds = live
    ? [live.page === 1 ? story.embeds : [], ...[...live.pinned, ...live.entries].map((e) => e.entry.embeds)]
    : [story.embeds];
  return (
    <>
      <article className="mx-auto max-w-[42rem]">
        <header>
          <UnpublishedBanner
            draft={story.draft}
            scheduledFor={scheduled ? story.publishedAt : undefined}
            preview={preview}
          />
          <SectionLabel section={section} />
          <LiveStatus story={story} liveNow={liveNow} />
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
              updated={modified !== story.publishedAt ? modified : undefined}
              readingMinutes={story.readingMinutes}
            />
          </div>
          <LatestCorrection entries={corrections} />
        </header>
        {image && <LeadImage image={image} />}
        {live ? (
          <LiveBlog story={story} live={live} />
        ) : (
          <>
            <TableOfContents headings={story.headings} />
            <StoryBody html={story.body.html} />
          </>
        )}
        {updates !== null && (
          <LiveUpdates poll={livePollPath(story.url)} seconds={LIVE_POLL_SECONDS} {...updates} />
        )}
        {embeds.some((list) => list.length > 0) && <EmbedCards />}
        <CorrectionLog entries={corrections} />
        <TopicLinks topics={story.topicRefs} />
        <ShareLinks url={url} title={story.headline} />
      </article>
      <div className="mx-auto max-w-[42rem]">
        <SectionNeighbours section={section} previous={previous} next={next} />
        <RelatedStories teasers={related} />
      </div>
    </>
  );
}
