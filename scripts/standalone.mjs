#!/usr/bin/env node
/**
 * Makes the build's standalone folder complete and runnable on its own, for deployment:
 * Next's `output: "standalone"` writes <distDir>/standalone with the traced server code and
 * node_modules; this adds what Next leaves out (hashed assets, public/) and our server.mjs with
 * the store reader it imports.
 *
 * The content is not in the folder: a server reads it from the store that `npm run publish`
 * writes (BROADSHEET_STORE; see lib/store.mjs), so that publishing needs no new build.
 *
 *   npm run build && node scripts/standalone.mjs     # or: npm run build:standalone
 *   cd .next/standalone && BROADSHEET_STORE=$PWD/../../.broadsheet/store PORT=3000 node server.mjs
 */
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const standalone = path.join(root, distDir, "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error(`no ${path.relative(root, standalone)}/server.js: build first (npm run build)`);
  process.exit(1);
}

const copy = (from, to) => {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
};
copy(path.join(root, distDir, "static"), path.join(standalone, distDir, "static"));
copy(path.join(root, "public"), path.join(standalone, "public"));
copy(path.join(root, "server.mjs"), path.join(standalone, "server.mjs"));
for (const file of ["store.mjs", "http-headers.mjs", "http-range.mjs", "server-log.mjs"]) {
  copy(path.join(root, "lib", file), path.join(standalone, "lib", file));
}
console.log(
  `${path.relative(root, standalone)}: start it with  cd ${path.relative(root, standalone)} && node server.mjs`,
);
