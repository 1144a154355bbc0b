// @ts-check
/**
 * What server.mjs refuses before Next sees it: requests no page can answer, and request headers
 * that would let a client steer Next; and the plain answers it gives itself, without Next.
 */

/**
 * @typedef {[status: number, text: string, headers?: Record<string, string>]} Refusal
 */

/**
 * Requests no page can answer, refused before they reach Next: a site of read-only pages takes
 * GET and HEAD (OPTIONS says so), and a path must decode to text. Next answers some of these with
 * a 500 of its own (a TRACE to a route handler, a path such as /%zz).
 *
 * @param {import("node:http").IncomingMessage} req
 * @returns {Refusal | null} the answer to give instead, or null to serve the request
 */
export function refusal(req) {
  if (req.method === "OPTIONS") return [204, "", { Allow: "GET, HEAD, OPTIONS" }];
  if (req.method !== "GET" && req.method !== "HEAD") {
    return [
      405,
      "Method not allowed: this site only serves pages (GET, HEAD).",
      { Allow: "GET, HEAD, OPTIONS" },
    ];
  }
  const url = req.url ?? "";
  if (!url.startsWith("/")) return [400, "Bad request: the target must be a path."];
  const pathname = url.split("?")[0];
  try {
    decodeURIComponent(pathname);
  } catch {
    return [400, "Bad request: the path is not valid percent-encoded UTF-8."];
  }
  return null;
}

/**
 * Headers that would let a client steer Next rather than ask for a page: cookies (the site sets
 * none and reads none; Next's draft-mode cookie, __prerender_bypass, made it render afresh and
 * answer with Set-Cookie, which no cache stores, so any client could skip every cache) and the
 * headers Next uses between its own parts (x-middleware-subrequest, x-prerender-revalidate,
 * x-invoke-*, x-now-route-matches, x-matched-path). Next's router headers (RSC, Next-Router-*)
 * stay: they ask for another representation, and Vary says so.
 */
const CLIENT_CONTROLS =
  /^(cookie|x-middleware-|x-prerender-|x-invoke-|x-now-|x-matched-path|x-nextjs-|next-resume)/;

/** @param {import("node:http").IncomingMessage} req */
export function dropClientControls(req) {
  for (const name of Object.keys(req.headers)) if (CLIENT_CONTROLS.test(name)) delete req.headers[name];
}

/**
 * The answers server.mjs gives itself, without Next (a refusal, the health check while shutting
 * down, a failure): headers for them are the site's own, with a policy that allows nothing at
 * all (they are plain text) and no caching.
 *
 * @param {[string, string][]} siteHeaders lib/server/site-headers.mjs
 */
export function plainAnswers(siteHeaders) {
  /** @type {Record<string, string | number>} */
  const own = {
    ...Object.fromEntries(siteHeaders),
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy":
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  };
  /**
   * Answers with `text` (and a newline), or with no body when it is empty.
   *
   * @param {import("node:http").ServerResponse} res
   * @param {number} status
   * @param {string} text
   * @param {Record<string, string>} [headers]
   */
  return function answer(res, status, text, headers = {}) {
    if (!text) {
      // No body (204): no Content-Type or Content-Length either.
      const all = { ...own, ...headers };
      delete all["Content-Type"];
      res.writeHead(status, all);
      return res.end();
    }
    const body = `${text}\n`;
    res.writeHead(status, { ...own, ...headers, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
}
