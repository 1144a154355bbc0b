#!/usr/bin/env node
/**
 * Makes the build's standalone folder complete and runnable on its own, for deployment:
 * Next's `output: "standalone"` writes <distDir>/standalone with the traced server code and
 * node_modules; this adds what Next leaves out (hashed assets, public/) and our server.mjs with
 * the modules it imports (lib/server/, the store reader) and the packages they use.
 *
 * The content is not in the folder: a server reads it from the store that `npm run publish`
 * writes (BROADSHEET_STORE; see lib/store.mjs), so that publishing needs no new build.
 *
 *   npm run build && node scripts/standalone.mjs     # or: npm run build:standalone
 *   cd .next/standalone && BROADSHEET_STORE=$PWD/../../.broadsheet/store PORT=3000 node server.mjs
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const standalone = path.join(root, distDir, "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error(`no ${path.relative(root, standalone)}/server.js: build first (npm run build)`);
  process.exit(1);
}

/**
 * server.mjs and every module of ours it imports, found by following their static imports from
 * it (so the list never falls behind the code), and the packages they import, with the packages
 * those depend on.
 *
 * @param {string} entry
 */
function serverImports(entry) {
  // "lru-cache", "@scope/name/sub/path" → "@scope/name"
  /** @param {string} specifier */
  const packageName = (specifier) =>
    specifier
      .split("/")
      .slice(0, specifier.startsWith("@") ? 2 : 1)
      .join("/");
  /** @type {Set<string>} */
  const files = new Set();
  /** @type {Set<string>} */
  const packages = new Set();
  /** @param {string} file */
  const visit = (file) => {
    if (files.has(file)) return;
    if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is imported but missing`);
    files.add(file);
    const source = readFileSync(file, "utf8");
    const imports = /^\s*(?:import|export)\b[^"';]*?\bfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm;
    for (const [, from, bare] of source.matchAll(imports)) {
      const specifier = from ?? bare;
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith("node:")) addPackage(packageName(specifier));
    }
  };
  /** @param {string} name */
  const addPackage = (name) => {
    if (packages.has(name)) return;
    packages.add(name);
    const manifest = JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) addPackage(dependency);
  };
  visit(entry);
  return { files, packages };
}

/**
 * @param {string} from
 * @param {string} to
 */
const copy = (from, to) => {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
};
copy(path.join(root, distDir, "static"), path.join(standalone, distDir, "static"));
copy(path.join(root, "public"), path.join(standalone, "public"));
const { files, packages } = serverImports(path.join(root, "server.mjs"));
for (const file of files) copy(file, path.join(standalone, path.relative(root, file)));
// Packages server.mjs's own modules import (lru-cache, say) that Next's trace of the build left
// out; Next's own (next, react) are in the folder already.
for (const name of packages) {
  if (!existsSync(path.join(standalone, "node_modules", name))) {
    copy(path.join(root, "node_modules", name), path.join(standalone, "node_modules", name));
  }
}
console.log(
  `${path.relative(root, standalone)}: start it with  cd ${path.relative(root, standalone)} && node server.mjs`,
);
