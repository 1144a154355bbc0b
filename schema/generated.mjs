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
 * Every document of one type ("Story", "Author"...) in a folder of generated documents: none
 * when the build wrote none. Read from disk, never from a module cached by an earlier build.
 * @param {string} dir a generatedDir()
 * @param {string} type
 * @returns {any[]}
 */
export function readDocuments(dir, type) {
  const file = path.join(/* turbopackIgnore: true */ dir, type, "_index.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
}

/** The same, for the last content build in the project (or workspace) folder `root`. */
export const readGenerated = (/** @type {string} */ root, /** @type {string} */ type) =>
  readDocuments(generatedDir(root), type);
