import { site } from "@/site.config.mjs";

/**
 * An absolute URL on this site, from a path such as /stories/x. The home page is the bare
 * origin, as Next writes it in canonical links, so that sitemaps, feeds and structured data
 * name it the same way.
 */
export const absoluteUrl = (path: string) =>
  path === "/" ? site.url : new URL(path, `${site.url}/`).toString();

/** Where a page's social image is served: /social.png, /world/social.png, /stories/x/social.png. */
export const socialImagePath = (pagePath: string) => `${pagePath.replace(/\/$/, "")}/social.png`;

/** What a live page's island polls for new entries: /stories/x/live.json. */
export const livePollPath = (storyPath: string) => `${storyPath.replace(/\/$/, "")}/live.json`;

/** Page n of a paginated list (a listing, a live blog's entries): page 1 is the list's own path. */
export const pagePath = (base: string, page: number) => (page === 1 ? base : `${base}/page/${page}`);
