// @ts-check
/**
 * Where the content build (`contentlayer2 build`, configured by contentlayer.config.ts) writes
 * the documents it has checked: one place for the schema's own cross-document checks, the
 * development store (lib/store.mjs), the scripts that build content in a workspace of their own
 * (npm run check, npm run publish) and the tests.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The generated documents' folder below a project (or workspace) folder. */
export const generatedDir = (/** @type {string} */ root) =>
  path.join(/* turbopackIgnore: true */ root, ".contentlayer", "generated");

/**
 * Every document of one type ("Story", "Author"...) that the last content build in `root` wrote:
 * none when it wrote none. Read from disk, never from a module cached by an earlier build.
 * @param {string} root
 * @param {string} type
 * @returns {any[]}
 */
export function readGenerated(root, type) {
  const file = path.join(generatedDir(root), type, "_index.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
}
