#!/usr/bin/env node
/**
 * Builds the site from N synthetic stories in a workspace of its own, so that it never touches
 * the real content, its generated data or the project's .next:
 *
 *   node scripts/synthetic-site.mjs --count 1000 [--dir .synthetic/site-1000]
 *
 * The workspace gets a copy of the project's sources, a link to its node_modules and the
 * generated stories as its content/; then `npm run publish -- --all && next build` runs there
 * (its store is its own .broadsheet/store). Start it with `node server.mjs` from that folder.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    count: { type: "string" },
    dir: { type: "string" },
    newest: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    "content-only": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error(
    "usage: synthetic-site.mjs --count N [--dir DIR] [--newest ISO] [--skip-build | --content-only]",
  );
  process.exit(2);
}
const dir = path.resolve(values.dir ?? path.join(root, ".synthetic", `site-${count}`));

const SOURCES = [
  "app",
  "components",
  "lib",
  "schema",
  "public",
  "assets",
  "site.config.mjs",
  "contentlayer.config.ts",
  "tailwind.config.mjs",
  "server.mjs",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "package.json",
];

// The workspace is emptied first: only ever one this script made (it leaves a marker in it).
const MARKER = ".synthetic-workspace";
if (
  root === dir ||
  root.startsWith(dir + path.sep) ||
  dir.startsWith(path.join(root, "content") + path.sep)
) {
  console.error(`refusing to use ${dir}: it is, or holds, the project itself`);
  process.exit(2);
}
if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(path.join(dir, MARKER))) {
  console.error(`refusing to empty ${dir}: it is not a synthetic workspace (no ${MARKER} in it)`);
  process.exit(2);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, MARKER), "Made by scripts/synthetic-site.mjs: safe to delete.\n");
for (const entry of SOURCES) {
  if (!existsSync(path.join(root, entry))) continue;
  cpSync(path.join(root, entry), path.join(dir, entry), {
    recursive: true,
    filter: (source) => !/\.test\.tsx?$/.test(source),
  });
}
symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));

/** @param {string[]} args */
const run = (args) => {
  const result = spawnSync(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, PWD: dir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run([
  path.join(root, "scripts/generate-stories.mjs"),
  "--count",
  String(count),
  "--out",
  path.join(dir, "content"),
  "--public",
  path.join(dir, "public"),
  ...(values.newest ? ["--newest", values.newest] : []),
]);
if (!values["skip-build"]) {
  if (values["content-only"]) {
    // For `next dev`, which reads Contentlayer's own output.
    run([path.join(root, "scripts/contentlayer.mjs"), "build"]);
  } else {
    // A production build reads the published store, as `npm run build` does.
    run([path.join(root, "scripts/publish.mjs"), "--all", "--quiet"]);
    run([path.join(root, "node_modules/next/dist/bin/next"), "build"]);
  }
}
