// @ts-check
/**
 * Every address on the site, made here and nowhere else: the routes, listings, feeds, sitemaps,
 * structured data, server.mjs and the scripts that print addresses all ask these builders. Plain
 * JavaScript, so that Node (server.mjs, lib/server/, scripts/) and contentlayer.config.ts import
 * it as they are.
 *
 * A route's folder in app/ is its path (app/topics/[slug]/page.tsx serves /topics/<slug>):
 * url.test.ts checks that every builder names a route that exists. Pages are built from slugs;
 * what hangs under a page (its feeds, its social image, a live story's poll and entries) is built
 * from the page's path.
 */
import { site } from "../site.config.mjs";

export const HOME_PATH = "/";
export const SECTIONS_PATH = "/sections";
export const TOPICS_PATH = "/topics";
export const SEARCH_PATH = "/search";
export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
export const LOGO_PATH = "/logo.png";
export const HEALTH_PATH = "/healthz";
/** Where preview links live: `/preview/<slug>` (lib/preview.mjs signs them). */
export const PREVIEW_PREFIX = "/preview/";

/** A page's feeds, by file name: RSS, Atom and JSON Feed (lib/feeds.ts says which is which). */
export const FEED_FORMATS = /** @type {const} */ (["feed.xml", "atom.xml", "feed.json"]);
/** @typedef {(typeof FEED_FORMATS)[number]} FeedFormat */

/** A path with a sub-path under it: "/" + "feed.xml" is /feed.xml, not //feed.xml. */
const under = (/** @type {string} */ path, /** @type {string} */ name) =>
  `${path.replace(/\/$/, "")}/${name}`;

/**
 * Page n of a paged list (a listing, a live story's entries): page 1 is the list's own path,
 * never `/page/1`; page n is `<path>/page/<n>`.
 *
 * @param {string} path page 1's
 * @param {number} page
 */
export const pagePath = (path, page) => (page === 1 ? path : under(path, `page/${page}`));

/** A story, or page n of a live story's entries. */
export const storyPath = (/** @type {string} */ slug, page = 1) => pagePath(`/stories/${slug}`, page);

/** A section's front (its slug is the URL's only segment), or its page n. */
export const sectionPath = (/** @type {string} */ slug, page = 1) => pagePath(`/${slug}`, page);

/** A topic's page, or its page n. */
export const topicPath = (/** @type {string} */ slug, page = 1) => pagePath(under(TOPICS_PATH, slug), page);

/** An author's page, or its page n. */
export const authorPath = (/** @type {string} */ slug, page = 1) => pagePath(`/authors/${slug}`, page);

/**
 * The search page, for a query and a page of its results (page 1 has no `page`); without a
 * query, the empty search page.
 *
 * @param {string} [query]
 * @param {number} [page]
 */
export const searchPath = (query, page = 1) =>
  query === undefined
    ? SEARCH_PATH
    : `${SEARCH_PATH}?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ""}`;

/**
 * One of the feeds of a page (the home page's are the site's: /feed.xml), e.g. /world/atom.xml.
 *
 * @param {string} pagePath
 * @param {FeedFormat} format
 */
export const feedPath = (pagePath, format) => under(pagePath, format);

/** Where a page's social image is served: /social.png, /world/social.png, /stories/x/social.png. */
export const socialImagePath = (/** @type {string} */ pagePath) => under(pagePath, "social.png");

/** What a live page's island polls for new entries: /stories/x/live.json. */
export const livePollPath = (/** @type {string} */ storyPath) => under(storyPath, "live.json");

/** A live entry's stable address, which redirects to the page that holds it now. */
export const entryPath = (/** @type {string} */ storyPath, /** @type {string} */ entrySlug) =>
  under(storyPath, `entries/${entrySlug}`);

/**
 * A preview link's path and query (lib/preview.mjs makes the signature).
 *
 * @param {string} slug
 * @param {{ expires: number; sig: string }} signed
 */
export const previewLinkPath = (slug, { expires, sig }) =>
  `${PREVIEW_PREFIX}${slug}?expires=${expires}&sig=${sig}`;

/**
 * The source of a regular expression for the paths a builder makes, for the server's path
 * patterns: `build` is given a placeholder slug, which becomes `slug` (a pattern; default: one
 * path segment). `pathPattern(livePollPath(storyPath(…)))` matches every story's live.json.
 *
 * @param {(slug: string) => string} build
 * @param {string} [slug]
 */
export function pathPattern(build, slug = "[^/]+") {
  const placeholder = "\u0000";
  return build(placeholder)
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replaceAll(placeholder, slug);
}

/**
 * An absolute URL on this site, from a path such as /stories/x. The home page is the bare
 * origin, as Next writes it in canonical links, so that sitemaps, feeds and structured data
 * name it the same way.
 *
 * @param {string} path
 */
export const absoluteUrl = (path) =>
  path === HOME_PATH ? site.url : new URL(path, `${site.url}/`).toString();
