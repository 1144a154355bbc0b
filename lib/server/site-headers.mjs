// @ts-check
/**
 * The headers server.mjs puts on responses, and those it takes off: the site's own on every
 * response, no x-nextjs-* headers, and no cacheable error.
 */
import {
  LIVE_POLL_CACHE_CONTROL,
  LIVE_POLL_PATH,
  NOT_FOUND_CACHE_CONTROL,
  PAGE_CACHE_CONTROL,
  PAGE_PATHS,
  securityHeaders,
} from "../http-headers.mjs";

/**
 * The headers of every response (lib/http-headers.mjs), set before Next answers, as Next's own
 * headers() rules would be, but without matching rules per request. Whether the site is served
 * over HTTPS is fixed by the build, as its public address is (next.config.ts, env).
 *
 * @param {string | undefined} siteUrl the site's public address, as the build saw it
 */
export const siteHeaders = (siteUrl) =>
  securityHeaders({ https: String(siteUrl ?? "").startsWith("https://"), production: true });

const PAGES = new RegExp(`^${PAGE_PATHS}$`);

/**
 * Sets the site's headers on a response, and the pages' Cache-Control on a page's (a live
 * page's poll has its own: Next keeps the one set here over a route handler's).
 *
 * @param {import("node:http").ServerResponse} res
 * @param {string} pathname
 * @param {[string, string][]} headers from siteHeaders()
 */
export function setSiteHeaders(res, pathname, headers) {
  for (const [name, value] of headers) res.setHeader(name, value);
  if (LIVE_POLL_PATH.test(pathname)) res.setHeader("Cache-Control", LIVE_POLL_CACHE_CONTROL);
  else if (PAGES.test(pathname)) res.setHeader("Cache-Control", PAGE_CACHE_CONTROL);
}

/**
 * Statuses a shared cache may keep, when the response says it may (307: a live entry's
 * permalink, for two seconds: ENTRY_REDIRECT_CACHE_CONTROL).
 */
const STORABLE = new Set([200, 203, 204, 206, 301, 304, 307, 308, 410]);

/**
 * Next's x-nextjs-* headers tell clients about its cache and routing: nothing they need. They
 * are taken off when the response's head is written; so is a public Cache-Control on a status
 * no cache should keep. Only headers already set are seen, not those handed to writeHead() with
 * it: in server.mjs, holdWholeResponse() (installed after this) sets those first.
 *
 * @param {import("node:http").ServerResponse} res
 */
export function hideInternals(res) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    for (const name of this.getHeaderNames()) if (name.startsWith("x-nextjs-")) this.removeHeader(name);
    // Only an answer that stays true may be kept by a cache: never an error, and a 404 only for
    // a moment (a story may be published at that address any time). Next marks some of its own
    // 404s and error pages public, for five minutes.
    const status = typeof args[0] === "number" ? args[0] : this.statusCode;
    if (
      !STORABLE.has(status) &&
      /\bpublic\b|s-maxage|max-age=[1-9]/.test(String(this.getHeader("cache-control") ?? ""))
    ) {
      this.setHeader("Cache-Control", status === 404 ? NOT_FOUND_CACHE_CONTROL : "no-store");
    }
    return /** @type {any} */ (writeHead).apply(this, args);
  };
}
