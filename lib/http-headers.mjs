// @ts-check
/**
 * The headers the site's responses carry, written once: server.mjs sets them on every response
 * in production, next.config.ts gives them to `next dev`.
 *
 * Production does not use Next's `headers()` rules for them: Next matches every rule against
 * every request and, for a rule with a path pattern, compiles each header's name and value
 * again per request (5 % of an instance's CPU serving a story under load); server.mjs sets the
 * same fixed values with no matching at all.
 */
import { FRAME_ORIGINS } from "../schema/embeds.mjs";
import { HEALTH_PATH, PREVIEW_PREFIX, entryPath, livePollPath, pathPattern, storyPath } from "./url.mjs";

/**
 * The Content-Security-Policy, as strict as prerendered pages allow. Every page carries inline
 * scripts (Next's bootstrap and the page's RSC payload) that differ from page to page: a nonce
 * needs a render per request, and hashes would have to be listed per page in a header set per
 * route pattern, so inline scripts are allowed; eval and every other origin are not. `next dev`
 * needs eval (React's debugging), so development gets no policy. Frames may come only from the
 * embed providers' frame origins (schema/embeds.mjs), loaded when a reader asks for one.
 *
 * @param {{ https: boolean }} site
 */
function contentSecurityPolicy({ https }) {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${FRAME_ORIGINS.join(" ")}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * What every response carries.
 *
 * @param {{ https: boolean, production: boolean }} site https: the public address (SITE_URL,
 *   fixed at build) is https; production: a production build rather than `next dev`
 * @returns {[string, string][]}
 */
export function securityHeaders({ https, production }) {
  return [
    ...(production
      ? /** @type {[string, string][]} */ ([["Content-Security-Policy", contentSecurityPolicy({ https })]])
      : []),
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    // Only a site served over HTTPS may pin browsers to it (over HTTP the header is ignored anyway).
    ...(https
      ? /** @type {[string, string][]} */ ([
          ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"],
        ])
      : []),
  ];
}

/**
 * Pages, feeds, sitemaps and social images (unhashed URLs). Shared caches (nginx, a CDN) keep
 * them 2 seconds (s-maxage), then ask again with If-None-Match, which an instance answers from
 * its own cache with a 304: a publish reaches readers through the proxy in about two seconds
 * without any purge, and each URL costs an instance at most one cheap request every two
 * seconds. Browsers keep a page a minute. Any cache may serve a stale copy while it fetches a
 * fresh one, or for a week while the servers fail.
 */
export const PAGE_CACHE_CONTROL =
  "public, max-age=60, s-maxage=2, stale-while-revalidate=60, stale-if-error=604800";

/**
 * A live page's poll (/stories/<slug>/live.json): shared caches keep it 2 seconds, as a page, so
 * that nginx answers a crowd of readers and an instance sees about one conditional request per
 * 2 s per nginx; browsers keep it 5 s (less than the poll interval, so each poll asks). Never
 * stale beyond that: a reader's button must not wait on an old copy.
 */
export const LIVE_POLL_CACHE_CONTROL = "public, max-age=5, s-maxage=2";

/** The live pages' poll addresses (lib/url.mjs livePollPath), which get LIVE_POLL_CACHE_CONTROL. */
export const LIVE_POLL_PATH = new RegExp(`^${pathPattern((slug) => livePollPath(storyPath(slug)))}$`);

/**
 * The paths that get PAGE_CACHE_CONTROL: all but hashed assets (Next's own immutable, year-long
 * header), Next's image optimizer (its own header), the health check (never cached), preview
 * links (private: lib/preview.mjs) and live entries' permalinks (their redirect's own
 * ENTRY_REDIRECT_CACHE_CONTROL; Next keeps a header set before it answers). A Next `headers()`
 * source, which is also a JavaScript regular expression for the whole path.
 */
export const PAGE_PATHS = `/((?!${[
  "_next/static",
  "_next/image",
  HEALTH_PATH.slice(1),
  PREVIEW_PREFIX.slice(1),
  pathPattern((slug) => entryPath(storyPath(slug), "")).slice(1),
].join("|")}).*)`;

/**
 * A 404 that would otherwise be public: shared caches keep it 2 seconds, browsers not at all,
 * and never stale. Long enough to spare instances a flood of the same missing address, short
 * enough that a story published there shows within seconds, and a cached page whose story was
 * unpublished is replaced by it at once rather than served stale.
 */
export const NOT_FOUND_CACHE_CONTROL = "public, max-age=0, s-maxage=2";

/**
 * A live blog entry's permalink (/stories/<slug>/entries/<id>) redirects (307) to the page that
 * holds the entry now, which changes as entries are added: browsers ask each time, shared
 * caches keep it 2 seconds, as long as the page itself.
 */
export const ENTRY_REDIRECT_CACHE_CONTROL = "public, max-age=0, s-maxage=2";
