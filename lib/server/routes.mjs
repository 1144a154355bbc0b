// @ts-check
/**
 * Addresses server.mjs answers otherwise than Next would: the routes Next builds for itself, as
 * unknown addresses, and a taken-down story, as gone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathPattern, storyPath } from "../url.mjs";

/**
 * The routes Next builds for its own use (its not-found and error pages, and the Pages Router's
 * /404 and /500), read from the build's manifests, and /index, Next's name for the home page:
 * served as they are, they answered 404s and a 200 that Next marked public for five minutes.
 * Each is answered as UNKNOWN_PATH, an address no route serves.
 *
 * @param {string} buildDir the build folder (.next)
 * @returns {Set<string>}
 */
export function internalRoutes(buildDir) {
  const manifest = (/** @type {string} */ file) => {
    try {
      return JSON.parse(readFileSync(path.join(buildDir, file), "utf8"));
    } catch {
      return {};
    }
  };
  const appRoutes = Object.values(manifest("app-path-routes-manifest.json")).filter((route) =>
    String(route)
      .split("/")
      .some((segment) => segment.startsWith("_")),
  );
  return new Set(["/index", ...appRoutes, ...Object.keys(manifest("server/pages-manifest.json"))]);
}

export const UNKNOWN_PATH = "/_unknown";

/** A taken-down story's page and social image answer 410 Gone: a story's path, or one under it. */
const STORY_PATH = new RegExp(`^${pathPattern(storyPath, "([a-z0-9]+(?:-[a-z0-9]+)*)")}(?:/.*)?$`);

/**
 * Whether the path is a story that was taken down, or anything under it: its social image, and
 * a live story's further pages, entry permalinks and feeds.
 *
 * @param {string} pathname
 * @param {{ current(): { takedowns: { has(slug: string): boolean } } }} store lib/store.mjs
 */
export function takenDown(pathname, store) {
  const match = STORY_PATH.exec(pathname);
  return match !== null && store.current().takedowns.has(match[1]);
}

/**
 * Next renders the page that says the story is gone, and this sets the status, which Next
 * cannot: its 200 or 404 becomes 410.
 *
 * @param {import("node:http").ServerResponse} res
 */
export function answerGone(res) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    return /** @type {any} */ (writeHead).call(
      this,
      status === 200 || status === 404 ? 410 : status,
      ...rest,
    );
  };
}
