/**
 * What a list of stories shows of each one (a card on a front, in a listing, under "Related
 * stories"): the story with its section, its authors and whether its live coverage is running,
 * looked up here, so that the components that draw it only draw.
 */
import type { Section } from "@/site.config.mjs";
import { getAuthorsOf, getSectionOf, isLiveNow, type Author, type Story } from "./content";

export type Teaser = {
  story: Story;
  section: Section;
  /** In byline order. */
  authors: Author[];
  /** Live coverage that has not ended: its card says "Live". */
  liveNow: boolean;
};

export const teaserOf = (story: Story): Teaser => ({
  story,
  section: getSectionOf(story),
  authors: getAuthorsOf(story),
  liveNow: isLiveNow(story),
});
