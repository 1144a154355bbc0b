import type { MetadataRoute } from "next";
import { NEWS_SITEMAP_WINDOW_HOURS, sections, site } from "@/site.config.mjs";
import { getAllAuthors, getAllTopics, isLiveNow, modifiedAtOf, type Story } from "./content";
import { authorListing, homeListing, sectionListing, topicListing, type Listing } from "./listings";
import { absoluteUrl } from "./url.mjs";

/** The newest modification among some stories: a listing page changes when one of them does. */
const newest = (stories: Story[]) =>
  stories.reduce<string | undefined>((max, s) => {
    const modified = modifiedAtOf(s);
    return !max || modified > max ? modified : max;
  }, undefined);

/** Every public page with something on it, with the time it last changed. */
export function sitemapEntries(): MetadataRoute.Sitemap {
  const home = homeListing();
  // A listing without stories is not worth a crawler's visit (its page says noindex).
  const listed = ({ path, stories }: Listing) =>
    stories.length > 0 ? [{ url: absoluteUrl(path), lastModified: newest(stories) }] : [];
  return [
    ...listed(home),
    ...sections.flatMap((s) => listed(sectionListing(s))),
    ...home.stories.map((s) => ({ url: absoluteUrl(s.url), lastModified: modifiedAtOf(s) })),
    ...getAllAuthors().flatMap((a) => listed(authorListing(a))),
    ...getAllTopics().flatMap((t) => listed(topicListing(t))),
  ];
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/**
 * A Google News sitemap: the stories first published in the last two days, and live coverage
 * that has not ended and had an entry in the last two days (a live blog stays news while it
 * runs, however long ago it started), at most 1,000, each
 * with the news namespace's publication name and language, publication date and title. Written
 * by hand: sitemap.js, the library for the job, refuses to write an empty sitemap, and an empty
 * one is the correct answer whenever nothing was published in the last two days.
 */
export function newsSitemapXml(stories: Story[], now: Date): string {
  const since = now.getTime() - NEWS_SITEMAP_WINDOW_HOURS * 3600_000;
  const recent = stories
    .filter((s) => {
      const t = Date.parse(s.publishedAt);
      if (t > now.getTime()) return false;
      return t >= since || (isLiveNow(s) && Date.parse(modifiedAtOf(s)) >= since);
    })
    .slice(0, 1000);
  const language = site.language.split("-")[0];
  const urls = recent.map(
    (s) => `  <url>
    <loc>${escapeXml(absoluteUrl(s.url))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(site.name)}</news:name>
        <news:language>${language}</news:language>
      </news:publication>
      <news:publication_date>${s.publishedAt}</news:publication_date>
      <news:title>${escapeXml(s.headline)}</news:title>
    </news:news>
  </url>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join("")}</urlset>
`;
}
