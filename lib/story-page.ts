/**
 * Everything a story's page shows besides the story itself, looked up for the page's route
 * (app/stories/[slug]/), so that StoryView and the components under it only draw.
 */
import type { Section } from "@/site.config.mjs";
import {
  getAuthorsOf,
  getLiveState,
  getSectionOf,
  isLiveNow,
  isScheduled,
  modifiedAtOf,
  type Author,
  type LiveState,
  type Story,
} from "./content";
import type { LivePage } from "./live";
import { relatedStories, sectionNeighbours } from "./related";
import { teaserOf, type Teaser } from "./teasers";

export type StoryPage = {
  story: Story;
  /** In byline order. */
  authors: Author[];
  section: Section;
  /** When the story last changed (modifiedAtOf): its dateline's "Updated" when later than publication. */
  modifiedAt: string;
  /** Not public yet (development and previews only): its banner says when it publishes. */
  scheduled: boolean;
  /** Live coverage that has not ended. */
  liveNow: boolean;
  /** A live story's page of entries, shown in place of the body. */
  live: LivePage | null;
  /** What the page's readers poll for new entries: on page 1 of live coverage still running only. */
  updates: LiveState | null;
  related: Teaser[];
  /** The stories before and after this one in its section. */
  previous?: Story;
  next?: Story;
};

/** The page of a story; for a live story, `live` is the page of its entries it shows. */
export function storyPage(story: Story, live: LivePage | null): StoryPage {
  const liveNow = isLiveNow(story);
  return {
    story,
    authors: getAuthorsOf(story),
    section: getSectionOf(story),
    modifiedAt: modifiedAtOf(story),
    scheduled: isScheduled(story),
    liveNow,
    live,
    updates: liveNow && live?.page === 1 ? getLiveState(story) : null,
    related: relatedStories(story).map(teaserOf),
    ...sectionNeighbours(story),
  };
}
