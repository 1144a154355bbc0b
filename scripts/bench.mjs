#!/usr/bin/env node
/**
 * npm run bench: what the production site costs a reader and a server, in figures. Asserts
 * nothing (the byte budgets that are tests live in e2e/budgets.spec.ts).
 *
 * Builds if there is no build (or with --build), starts server.mjs on a port of its own, and
 * prints, in one run:
 *  1. page weight for the home page, a story, a section page and a search results page: HTML,
 *     JavaScript and CSS, raw and gzip (as sent), with file counts; and Next's runtime alone,
 *     weighed on the not-found page
 *  2. time to first byte, median of 50 sequential requests per page
 *  3. Lighthouse 12.2.3, mobile and desktop, median of --runs (default 3) per page type: the four
 *     category scores, LCP, TBT and CLS
 *  4. the story page under wrk (32 connections), from the instance (a process per core, as
 *     `npm start` runs it) and from the same instance limited to one process (SERVER_PROCESSES=1),
 *     and the same prerendered HTML and assets served by nginx from disk (a worker per core),
 *     pre-compressed (gzip_static) and compressed per request (gzip level 6, the level Next
 *     uses), and through the reference deployment (deploy/: nginx and its cache, two
 *     instances): --rounds rounds (default 3), the targets in turn within each round, so each
 *     round's ratios compare runs made seconds apart
 *  5. a soak: about 200,000 requests (--soak-requests) over a mix of page types and new searches,
 *     straight at the instance, with its resident memory after warm-up and after each chunk
 *
 *  6. live coverage: 1,000 readers polling a live story through nginx while an editor publishes
 *     entries (scripts/bench-live.mjs, also `npm run bench:live` on its own), after the rest
 *
 * Figures go to .bench/latest.json (live coverage's to .bench/live.json). Everything it starts
 * (server, nginx, Chromium) it stops.
 *
 *   npm run bench                              # everything (about 20 minutes on 2 cores)
 *   npm run bench -- --skip lighthouse         # or: --skip weights,lighthouse,load,soak,live
 *   npm run bench -- --runs 5 --rounds 5 --seconds 15
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, get } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { startApp } from "./lib/app-server.mjs";
import { treeRss } from "./lib/measure.mjs";
import { chromiumFlags, chromiumPath } from "./lib/chromium.mjs";
import { nginxAvailable, nginxConf, startNginx } from "../deploy/nginx.mjs";
import { wrk } from "./lib/wrk.mjs";
import { fetchWire, weigh } from "./page-weight.mjs";
import { PAGES, firstStory } from "../e2e/routes.mjs";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4399" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    runs: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    "soak-requests": { type: "string", default: "200000" },
    skip: { type: "string", default: "" },
    build: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const skip = new Set(values.skip.split(",").filter(Boolean));
const benchDir = path.join(root, ".bench");
mkdirSync(benchDir, { recursive: true });

if (values.build || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
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

const cleanups = [];
const cleanup = () => {
  while (cleanups.length) cleanups.pop()();
};
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

const app = await startApp({ dir: root, port, env: { NEXT_DIST_DIR: ".next" } });
cleanups.push(() => app.child.kill("SIGTERM"));

/** The first story: the page the budgets and the issue's targets are about. */
const storyPath = firstStory.path;
const pages = { home: "/", story: storyPath, section: firstStory.section.path, search: "/search?q=trade" };
const lighthousePages = { ...pages, author: firstStory.authorPath, topic: firstStory.topicPath };
const results = {
  date: new Date().toISOString(),
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  pages: {},
  runtime: null,
  lighthouse: {},
  load: null,
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds from sending a request to its response headers arriving (body then drained). */
function firstByte(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(url, { headers: { "Accept-Encoding": "gzip" }, agent: keepAlive }, (res) => {
      const ms = performance.now() - started;
      res.resume();
      res.on("end", () => resolve(ms));
    }).on("error", reject);
  });
}
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

async function ttfb(pagePath, count = 50) {
  await firstByte(base + pagePath); // opens the connection
  const times = [];
  for (let i = 0; i < count; i++) times.push(await firstByte(base + pagePath));
  return +median(times).toFixed(2);
}

// 1 and 2: weights and time to first byte.
if (!skip.has("weights")) {
  console.log("\n== page weight (gzip as sent) and time to first byte ==");
  console.log("page      kind   files        raw       gzip    TTFB p50");
  const row = (name, kind, w, extra = "") =>
    console.log(
      `${name.padEnd(9)} ${kind.padEnd(5)} ${String(w.files).padStart(6)} ${kb(w.raw).padStart(10)} ${kb(w.gzip).padStart(10)}${extra}`,
    );
  for (const [name, pagePath] of Object.entries(pages)) {
    const weight = await weigh(base, pagePath);
    const first = await ttfb(pagePath);
    results.pages[name] = { path: pagePath, ...weight, ttfbMs: first };
    row(name, "html", weight.html, `   ${first} ms`);
    row("", "js", weight.js);
    row("", "css", weight.css);
  }
  const runtime = await weigh(base, "/no-such-page", { status: 404 });
  results.runtime = { page: "not-found (no client component)", js: runtime.js };
  row("runtime", "js", runtime.js, "   (Next's client runtime alone: the not-found page)");
  const story = results.pages.story;
  console.log(`story JavaScript over the runtime: ${kb(story.js.gzip - runtime.js.gzip)} gzip`);
}

// 3: Lighthouse.
/** One Lighthouse run; Chromium's trace recording fails now and then (NO_NAVSTART): up to 3 tries. */
function lighthouse(url, formFactor) {
  for (let attempt = 1; ; attempt++) {
    try {
      return lighthouseOnce(url, formFactor);
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`  (retrying: ${error.message.split("\n")[0].slice(0, 160)})`);
    }
  }
}

function lighthouseOnce(url, formFactor) {
  const cli = path.join(root, "node_modules/lighthouse/cli/index.js");
  const chromeFlags = ["--headless=new", ...chromiumFlags].join(" ");
  const run = spawnSync(
    process.execPath,
    [
      cli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--chrome-flags=${chromeFlags}`,
      "--only-categories=performance,accessibility,best-practices,seo",
      ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    ],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      // Lighthouse finds a Chromium of its own when neither is set.
      env: {
        ...process.env,
        ...(chromiumPath && !process.env.CHROME_PATH ? { CHROME_PATH: chromiumPath } : {}),
      },
    },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}: ${run.stderr.slice(-2000)}`);
  const report = JSON.parse(run.stdout);
  const score = (id) => Math.round(report.categories[id].score * 100);
  const audit = (id) => report.audits[id].numericValue;
  const failing = Object.values(report.categories)
    .filter((c) => c.id !== "performance")
    .flatMap((c) =>
      c.auditRefs.filter(
        (ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1,
      ),
    )
    .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: Math.round(audit("largest-contentful-paint")),
    tbtMs: Math.round(audit("total-blocking-time")),
    cls: +audit("cumulative-layout-shift").toFixed(3),
    failing,
  };
}

if (!skip.has("lighthouse")) {
  const runs = Number(values.runs);
  console.log(`\n== Lighthouse 12.2.3, median of ${runs} runs (simulated throttling on mobile) ==`);
  console.log("page      form      perf  a11y  best   seo     LCP      TBT     CLS  failing audits");
  for (const formFactor of ["mobile", "desktop"]) {
    for (const [name, pagePath] of Object.entries(lighthousePages)) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(lighthouse(base + pagePath, formFactor));
      const m = (key) => median(samples.map((s) => s[key]));
      const figures = {
        performance: m("performance"),
        accessibility: m("accessibility"),
        bestPractices: m("bestPractices"),
        seo: m("seo"),
        lcpMs: m("lcpMs"),
        tbtMs: m("tbtMs"),
        cls: m("cls"),
        failing: [...new Set(samples.flatMap((s) => s.failing))],
        samples,
      };
      (results.lighthouse[formFactor] ??= {})[name] = figures;
      console.log(
        `${name.padEnd(9)} ${formFactor.padEnd(8)} ${String(figures.performance).padStart(5)} ${String(figures.accessibility).padStart(5)} ${String(figures.bestPractices).padStart(5)} ${String(figures.seo).padStart(5)} ${`${figures.lcpMs} ms`.padStart(8)} ${`${figures.tbtMs} ms`.padStart(8)} ${String(figures.cls).padStart(7)}  ${figures.failing.join(", ") || "-"}`,
      );
    }
  }
}

// 4: the story under load, against nginx serving the same bytes from disk.
/** The story's prerendered HTML and every asset, laid out as URLs, plain and pre-compressed. */
function staticCopy(dir) {
  rmSync(dir, { recursive: true, force: true });
  const slug = path.basename(storyPath);
  mkdirSync(path.join(dir, "stories"), { recursive: true });
  const html = readFileSync(path.join(root, ".next/server/app/stories", `${slug}.html`));
  writeFileSync(path.join(dir, "stories", `${slug}.html`), html);
  cpSync(path.join(root, ".next/static"), path.join(dir, "_next/static"), { recursive: true });
  const files = [path.join(dir, "stories", `${slug}.html`)];
  for (const entry of spawnSync("find", [path.join(dir, "_next/static"), "-type", "f"], {
    encoding: "utf8",
  }).stdout.split("\n")) {
    if (/\.(js|css|svg|json|txt)$/.test(entry)) files.push(entry);
  }
  for (const file of files) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  return files.length;
}

if (!skip.has("load")) {
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  console.log(
    `\n== ${storyPath} under load: wrk, ${connections} connections, ${seconds} s per run, ${rounds} rounds ==`,
  );
  const targets = { broadsheet: `${base}${storyPath}` };
  // The same instance limited to one process (SERVER_PROCESSES=1): what one core serves.
  const single = await startApp({
    dir: root,
    port: port + 3,
    env: { NEXT_DIST_DIR: ".next", SERVER_PROCESSES: "1" },
  });
  cleanups.push(() => single.child.kill("SIGTERM"));
  targets.broadsheetOneProcess = `http://127.0.0.1:${port + 3}${storyPath}`;
  if (nginxAvailable()) {
    const nginxDir = path.join(benchDir, "nginx");
    const docroot = path.join(benchDir, "static");
    const files = staticCopy(docroot);
    const server = (listen, compression) => `
  server {
    listen 127.0.0.1:${listen};
    root ${docroot};
    ${compression}
    location / { try_files $uri $uri.html =404; }
  }`;
    const nginx = startNginx(
      nginxDir,
      nginxConf(
        nginxDir,
        `${server(port + 1, "gzip_static on;")}
${server(port + 2, "gzip on; gzip_comp_level 6; gzip_types text/css application/javascript; gzip_min_length 256;")}`,
      ),
    );
    cleanups.push(() => nginx.stop());
    targets.nginxPrecompressed = `http://127.0.0.1:${port + 1}${storyPath}`;
    targets.nginxPerRequest = `http://127.0.0.1:${port + 2}${storyPath}`;
    // The reference deployment (deploy/): nginx with its cache in front of two instances.
    const { startCluster } = await import("../deploy/cluster.mjs");
    const cluster = await startCluster({ instances: 2, port: port + 10 });
    cleanups.push(() => cluster.stop());
    targets.deployment = `${cluster.url}${storyPath}`;
    await fetchWire(targets.deployment); // fills the cache
    console.log(
      `nginx serves ${files} files from ${path.relative(root, docroot)} (each with a .gz beside it)`,
    );
    for (const [name, url] of Object.entries(targets)) {
      const { status, headers } = await fetchWire(url);
      if (status !== 200 || headers["content-encoding"] !== "gzip") {
        throw new Error(
          `${name}: ${url} answered ${status}, ${headers["content-encoding"] ?? "uncompressed"}`,
        );
      }
    }
  } else {
    console.log("nginx is not installed (apt-get install nginx): no static baseline");
  }
  // Warm-up: JIT, caches and connection pools, before anything is counted.
  for (const url of Object.values(targets)) wrk(url, { connections, seconds: 3 });
  const runsByTarget = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const figures = wrk(url, { connections, seconds });
      if (figures.error) throw new Error(figures.error);
      runsByTarget[name].push(figures);
      console.log(
        `round ${round}  ${name.padEnd(21)} ${String(figures.requestsPerSecond).padStart(8)} req/s  p50 ${figures.p50_ms.toFixed(2).padStart(6)} ms  p99 ${figures.p99_ms.toFixed(2).padStart(6)} ms  ${figures.errors} errors`,
      );
    }
  }
  const summary = {};
  for (const [name, runs] of Object.entries(runsByTarget)) {
    summary[name] = {
      requestsPerSecond: +median(runs.map((r) => r.requestsPerSecond)).toFixed(1),
      p50_ms: +median(runs.map((r) => r.p50_ms)).toFixed(2),
      p99_ms: +median(runs.map((r) => r.p99_ms)).toFixed(2),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      runs,
    };
  }
  const ratios = {};
  for (const other of ["nginxPrecompressed", "nginxPerRequest"]) {
    if (runsByTarget.deployment && runsByTarget[other]) {
      const perRound = runsByTarget.deployment.map(
        (r, i) => +(r.requestsPerSecond / runsByTarget[other][i].requestsPerSecond).toFixed(3),
      );
      ratios[`deployment/${other}`] = { perRound, median: +median(perRound).toFixed(3) };
    }
    if (!runsByTarget[other]) continue;
    for (const name of ["broadsheet", "broadsheetOneProcess"]) {
      const perRound = runsByTarget[name].map(
        (r, i) => +(r.requestsPerSecond / runsByTarget[other][i].requestsPerSecond).toFixed(3),
      );
      ratios[`${name}/${other}`] = { perRound, median: +median(perRound).toFixed(3) };
    }
  }
  results.load = { path: storyPath, connections, seconds, rounds, ...summary, ratios };
  console.log("median:");
  for (const [name, s] of Object.entries(summary)) {
    console.log(
      `  ${name.padEnd(21)} ${String(s.requestsPerSecond).padStart(8)} req/s  p50 ${s.p50_ms.toFixed(2)} ms  p99 ${s.p99_ms.toFixed(2)} ms  ${s.errors} errors`,
    );
  }
  for (const [other, r] of Object.entries(ratios)) {
    console.log(`  ${other}: ${r.median} (rounds: ${r.perRound.join(", ")})`);
  }
}

// 5: soak. About 200,000 requests over a mix of page types, straight at one instance, in
// chunks; its resident memory is read after each chunk. Warm-up first; nothing asserted.
/** Resident memory of the instance (its supervisor and every worker), in MiB. */
const rssMiB = (pid) => +(treeRss(pid) / 2 ** 20).toFixed(1);

if (!skip.has("soak")) {
  const target = Number(values["soak-requests"]);
  const chunkSeconds = 15;
  const mix = [...PAGES, "/search?q=trade", "/search?q=london+talks"];
  // Every fifth request a search never asked before (each new query a new entry for the
  // ranking cache, which must stay bounded), the rest the mix in turn.
  const script = `
local paths = {${mix.map((p) => JSON.stringify(p)).join(", ")}}
local i = 0
local id = tostring(math.random(1, 1e9))
request = function()
  i = i + 1
  if i % 5 == 0 then return wrk.format("GET", "/search?q=trade+" .. id .. "x" .. i) end
  return wrk.format("GET", paths[(i % #paths) + 1])
end`;
  console.log(
    `\n== soak: about ${target} requests over ${mix.length + 1} kinds of page, 16 connections, one instance ==`,
  );
  wrk(`${base}/`, { connections: 16, seconds: 10, script }); // warm-up
  const before = rssMiB(app.pid);
  const samples = [before];
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  while (requests < target) {
    const chunk = wrk(`${base}/`, { connections: 16, seconds: chunkSeconds, script });
    if (chunk.error) throw new Error(chunk.error);
    requests += chunk.requests;
    errors += chunk.errors;
    samples.push(rssMiB(app.pid));
    console.log(
      `  ${String(requests).padStart(7)} requests, ${errors} errors, ${chunk.requestsPerSecond} req/s, p99 ${chunk.p99_ms.toFixed(1)} ms, RSS ${samples.at(-1)} MiB`,
    );
  }
  const after = samples.at(-1);
  results.soak = {
    requests,
    errors,
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    rssMiB: { afterWarmUp: before, atEnd: after, samples },
  };
  console.log(
    `soak: ${requests} requests, ${errors} errors; resident memory ${before} MiB after warm-up, ${after} MiB at the end (min ${Math.min(...samples)}, max ${Math.max(...samples)})`,
  );
}

writeFileSync(path.join(benchDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nfigures written to .bench/latest.json");
cleanup();
await app.exited;

// 6. Live coverage's readers, in a workspace and deployment of its own, once the rest has stopped.
if (!skip.has("live")) {
  const live = spawnSync(process.execPath, [path.join(root, "scripts/bench-live.mjs")], { stdio: "inherit" });
  if (live.status !== 0) process.exitCode = live.status ?? 1;
}
