// @ts-check
/**
 * Preview links on the live site (lib/preview.mjs; docs/decisions/0012-preview.md): server.mjs
 * checks the signature before Next sees the request, and only then turns on Next's draft mode
 * for it, so that Next renders the story page at request time, keeps it in no cache, and the
 * page shows the draft (app/stories/[slug]/page.tsx).
 *
 * Draft mode is Next's `__prerender_bypass` cookie. A client's cookies never reach Next
 * (refusals.mjs drops them, and nginx passes none): the cookie is set here, on the request, with
 * the build's own id, which never leaves the server. The client's credential is the link.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PREVIEW_HEADERS, previewRequest, previewSecret, verifyPreview } from "../preview.mjs";
import { isPublic } from "../store.mjs";
import { log } from "../server-log.mjs";
import { storyPath } from "../url.mjs";
import { UNKNOWN_PATH } from "./routes.mjs";

/** Next's draft-mode cookie (next/dist/server/api-utils COOKIE_NAME_PRERENDER_BYPASS). */
const DRAFT_MODE_COOKIE = "__prerender_bypass";

/**
 * The id that turns on draft mode for this build, from its prerender manifest.
 *
 * @param {string} buildDir the build folder (.next)
 * @returns {string | null}
 */
export function draftModeId(buildDir) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(buildDir, "prerender-manifest.json"), "utf8"));
    return typeof manifest?.preview?.previewModeId === "string" ? manifest.preview.previewModeId : null;
  } catch {
    return null;
  }
}

let lastSecretProblem = -Infinity;
/** Logs why preview links cannot work, at most once a minute. */
function secretProblem(/** @type {unknown} */ error, /** @type {number} */ now) {
  if (now - lastSecretProblem < 60_000) return;
  lastSecretProblem = now;
  log({ event: "preview-error", error: String(error) }, "stderr");
}

/**
 * @typedef {{ current(): { stories: { slug: string; draft?: boolean; publishedAt: string }[] } }} StoreLike
 */

/**
 * What to do with a request: null when it is not for a preview path; otherwise the path Next
 * should render (the story, in draft mode; or the site's 404 page), or where a story that is
 * public by now lives.
 *
 * @param {string} url the request target
 * @param {{ store: StoreLike; storeDir: string; now?: number }} context
 * @returns {null | { render: string; draft: boolean } | { redirect: string }}
 */
export function previewRoute(url, { store, storeDir, now = Date.now() }) {
  const link = previewRequest(url);
  if (!link) return null;
  const notFound = { render: UNKNOWN_PATH, draft: false };
  let secret;
  try {
    secret = previewSecret(storeDir);
  } catch (error) {
    // A secret set wrong, or a secret file this server may not read (made by another user):
    // every link is a 404. Say why in the log, at most once a minute.
    secretProblem(error, now);
    return notFound;
  }
  if (secret === null) secretProblem(new Error("no preview secret: run npm run preview to make one"), now);
  if (!verifyPreview(secret, link, now)) return notFound;
  const story = store.current().stories.find((s) => s.slug === link.slug);
  if (!story) return notFound;
  // Published since the link was made: its own address, which readers share.
  if (isPublic(story, now)) return { redirect: storyPath(story.slug) };
  return { render: storyPath(story.slug), draft: true };
}

/**
 * Applies previewRoute's decision to the request, and marks every response to a preview path
 * private, unindexed and unstored, whatever Next or anything else sets: this wraps writeHead, so
 * install it before (inside) the other wrappers.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ render: string; draft: boolean }} route
 * @param {string | null} draftId draftModeId()
 */
export function servePreview(req, res, route, draftId) {
  // Without the build's id (no prerender manifest) no draft can be shown: the site's 404.
  req.url = route.draft && draftId ? route.render : UNKNOWN_PATH;
  if (route.draft && draftId) req.headers.cookie = `${DRAFT_MODE_COOKIE}=${draftId}`;
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    // Headers handed to writeHead() itself would win over these: take out any of the same names.
    const given = args.find((arg, i) => i > 0 && arg && typeof arg === "object" && !Array.isArray(arg));
    for (const name of Object.keys(given ?? {})) {
      if (/^(cache-control|x-robots-tag|referrer-policy|etag|set-cookie)$/i.test(name)) delete given[name];
    }
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) this.setHeader(name, value);
    // Nothing to revalidate against (nothing stores it), and no cookie ever set from here.
    this.removeHeader("etag");
    this.removeHeader("set-cookie");
    return /** @type {any} */ (writeHead).apply(this, args);
  };
}
