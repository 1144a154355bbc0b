// @ts-check
/**
 * The story page under load (npm run bench, part 4): wrk against the instance (a process per
 * core, as `npm start` runs it), the same build limited to one process (SERVER_PROCESSES=1), the
 * same prerendered HTML and assets served by nginx from disk (a worker per core), pre-compressed
 * (gzip_static) and compressed per request (gzip level 6, the level Next uses), and the
 * reference deployment (deploy/: nginx and its cache, two instances). `rounds` rounds, the
 * targets in turn within each round, so each round's ratios compare runs made seconds apart.
 *
 * Ports: the instance's is given (`base`); this starts the one-process instance on port + 3,
 * nginx on port + 1 and port + 2, the deployment on port + 10, and stops them all before it
 * returns.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startCluster } from "../../deploy/cluster.mjs";
import { nginxAvailable, nginxConf, startNginx } from "../../deploy/nginx.mjs";
import { startApp } from "../lib/app-server.mjs";
import { median, root, stopOnExit } from "../lib/bench-options.mjs";
import { wrk } from "../lib/wrk.mjs";
import { fetchWire } from "../page-weight.mjs";

/** @import { WrkFigures } from "../lib/wrk.mjs" */

/**
 * @typedef {{ requestsPerSecond: number; p50_ms: number; p99_ms: number; errors: number; runs: WrkFigures[] }} TargetFigures
 * @typedef {{ perRound: number[]; median: number }} Ratio
 */

/**
 * The story's prerendered HTML and every asset, laid out as URLs, plain and pre-compressed.
 *
 * @param {string} dir
 * @param {string} storyPath
 */
function staticCopy(dir, storyPath) {
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

/**
 * @param {{ base: string; port: number; storyPath: string; seconds: number; connections: number; rounds: number }} options
 */
export async function load({ base, port, storyPath, seconds, connections, rounds }) {
  console.log(
    `\n== ${storyPath} under load: wrk, ${connections} connections, ${seconds} s per run, ${rounds} rounds ==`,
  );
  /** @type {Record<string, string>} */
  const targets = { broadsheet: `${base}${storyPath}` };
  /** @type {(() => Promise<unknown>)[]} */
  const stops = [];
  try {
    // The same instance limited to one process (SERVER_PROCESSES=1): what one core serves.
    const single = await startApp({
      dir: root,
      port: port + 3,
      env: { NEXT_DIST_DIR: ".next", SERVER_PROCESSES: "1" },
    });
    stops.push(stopOnExit(() => single.child.kill("SIGTERM")));
    targets.broadsheetOneProcess = `http://127.0.0.1:${port + 3}${storyPath}`;
    if (nginxAvailable()) {
      const benchDir = path.join(root, ".bench");
      const nginxDir = path.join(benchDir, "nginx");
      const docroot = path.join(benchDir, "static");
      const files = staticCopy(docroot, storyPath);
      /**
       * @param {number} listen
       * @param {string} compression
       */
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
      stops.push(stopOnExit(() => nginx.stop()));
      targets.nginxPrecompressed = `http://127.0.0.1:${port + 1}${storyPath}`;
      targets.nginxPerRequest = `http://127.0.0.1:${port + 2}${storyPath}`;
      // The reference deployment (deploy/): nginx with its cache in front of two instances.
      const cluster = await startCluster({ instances: 2, port: port + 10 });
      stops.push(stopOnExit(() => cluster.stop()));
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
    /** @type {Record<string, WrkFigures[]>} */
    const runsByTarget = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const [name, url] of Object.entries(targets)) {
        const figures = wrk(url, { connections, seconds });
        if ("error" in figures) throw new Error(figures.error);
        runsByTarget[name].push(figures);
        console.log(
          `round ${round}  ${name.padEnd(21)} ${String(figures.requestsPerSecond).padStart(8)} req/s  p50 ${figures.p50_ms.toFixed(2).padStart(6)} ms  p99 ${figures.p99_ms.toFixed(2).padStart(6)} ms  ${figures.errors} errors`,
        );
      }
    }
    /** @type {Record<string, TargetFigures>} */
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
    /** @type {Record<string, Ratio>} */
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
    console.log("median:");
    for (const [name, s] of Object.entries(summary)) {
      console.log(
        `  ${name.padEnd(21)} ${String(s.requestsPerSecond).padStart(8)} req/s  p50 ${s.p50_ms.toFixed(2)} ms  p99 ${s.p99_ms.toFixed(2)} ms  ${s.errors} errors`,
      );
    }
    for (const [other, r] of Object.entries(ratios)) {
      console.log(`  ${other}: ${r.median} (rounds: ${r.perRound.join(", ")})`);
    }
    return { path: storyPath, connections, seconds, rounds, ...summary, ratios };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
