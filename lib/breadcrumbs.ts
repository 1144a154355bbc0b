/**
 * Breadcrumb trails: where a page sits in the site, from the home page to the page itself. The
 * routes show them (components/Breadcrumbs.tsx) and give them to search engines
 * (lib/structured-data.ts breadcrumbs()), from the same trail.
 */
import type { Section } from "@/site.config.mjs";
import type { Story } from "./content";
import { HOME_PATH, SECTIONS_PATH, TOPICS_PATH, pagePath, sectionPath } from "./url.mjs";

export type Crumb = { name: string; path: string };

/** A page's trail: the home page, then the crumbs given; the last is the page itself. */
export const trail = (...crumbs: Crumb[]): Crumb[] => [{ name: "Home", path: HOME_PATH }, ...crumbs];

export const sectionsCrumb: Crumb = { name: "Sections", path: SECTIONS_PATH };
export const topicsCrumb: Crumb = { name: "Topics", path: TOPICS_PATH };
const sectionCrumb = (section: Section): Crumb => ({
  name: section.name,
  path: sectionPath(section.slug),
});

/** A story's trail: home, its section, the story; for a live story's page n, that page last. */
export const storyTrail = (story: Story, section: Section, page = 1): Crumb[] =>
  trail(
    sectionCrumb(section),
    { name: story.headline, path: story.url },
    ...(page > 1 ? [{ name: `Page ${page}`, path: pagePath(story.url, page) }] : []),
  );
