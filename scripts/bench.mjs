#!/usr/bin/env node
// @ts-check
/**
 * npm run bench: what the production site costs a reader and a server, in figures. Asserts
 * nothing (the byte budgets that are tests live in e2e/budgets.spec.ts).
 *
 * Builds if there is no build (or with --build), starts server.mjs on a port of its own, and
 * runs, in this order, each benchmark of scripts/bench/ (each prints its figures):
 *  1. and 2. weights.mjs: page weight for the home page, a story, a section page and a search
 *     results page (HTML, JavaScript and CSS, raw and gzip as sent, with file counts) and Next's
 *     runtime alone, weighed on the not-found page; time to first byte, median of 50 requests
 *  3. lighthouse.mjs: Lighthouse 12.2.3, mobile and desktop, median of --runs (default 3) per
 *     page type: the four category scores, LCP, TBT and CLS
 *  4. load.mjs: the story page under wrk (--connections, default 32), from the instance, the same
 *     instance limited to one process, nginx serving the same files from disk (pre-compressed and
 *     compressed per request) and the reference deployment: --rounds rounds (default 3) of
 *     --seconds seconds (default 10) per target
 *  5. soak.mjs: a soak of about --soak-requests requests (default 200,000) over a mix of page
 *     types and new searches, straight at the instance, with its resident memory
 *  6. live.mjs: live coverage, 1,000 readers polling a live story through nginx while an editor
 *     publishes entries (also `npm run bench:live` on its own), after the rest has stopped
 *
 * Figures go to .bench/latest.json (live coverage's to .bench/live.json). Everything it starts
 * (server, nginx, Chromium) it stops.
 *
 *   npm run bench                              # everything (about 20 minutes on 2 cores)
 *   npm run bench -- --skip lighthouse         # or: --skip weights,lighthouse,load,soak,live
 *   npm run bench -- --runs 5 --rounds 5 --seconds 15
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { firstStory } from "../e2e/routes.mjs";
import { LIVE_DEFAULTS, live } from "./bench/live.mjs";
import { lighthouse } from "./bench/lighthouse.mjs";
import { load } from "./bench/load.mjs";
import { soak } from "./bench/soak.mjs";
import { weights } from "./bench/weights.mjs";
import { startApp } from "./lib/app-server.mjs";
import { benchOptions, root, stopOnExit, writeFigures } from "./lib/bench-options.mjs";

const options = benchOptions({
  port: 4399,
  seconds: 10,
  connections: 32,
  runs: 3,
  rounds: 3,
  "soak-requests": 200000,
  skip: "",
  build: false,
});
const { port } = options;
const base = `http://127.0.0.1:${port}`;
const skip = new Set(options.skip.split(",").filter(Boolean));

if (options.build || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("building: npm run build");
  const build = spawnSync("npm", ["run", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: ".next" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The deployment runs the standalone folder: complete it from this build (a quick copy).
spawnSync(process.execPath, [path.join(root, "scripts/standalone.mjs")], { cwd: root, stdio: "inherit" });

const app = await startApp({ dir: root, port, env: { NEXT_DIST_DIR: ".next" } });
const stopApp = stopOnExit(() => app.child.kill("SIGTERM"));

/** The first story: the page the budgets and the targets are about. */
const storyPath = firstStory.path;
const pages = { home: "/", story: storyPath, section: firstStory.section.path, search: "/search?q=trade" };
const lighthousePages = { ...pages, author: firstStory.authorPath, topic: firstStory.topicPath };
/** @type {Record<string, unknown>} */
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  pages: {},
  runtime: null,
  lighthouse: {},
  load: null,
};

if (!skip.has("weights")) Object.assign(results, await weights({ base, pages }));
if (!skip.has("lighthouse"))
  results.lighthouse = lighthouse({ base, pages: lighthousePages, runs: options.runs });
if (!skip.has("load")) {
  const { seconds, connections, rounds } = options;
  results.load = await load({ base, port, storyPath, seconds, connections, rounds });
}
if (!skip.has("soak")) results.soak = soak({ base, pid: app.pid, requests: options["soak-requests"] });

writeFigures("latest.json", results);
console.log("\nfigures written to .bench/latest.json");
await stopApp();
await app.exited;

// 6. Live coverage's readers, in a workspace and deployment of its own, once the rest has stopped.
if (!skip.has("live")) await live(LIVE_DEFAULTS);
