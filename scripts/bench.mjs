#!/usr/bin/env node
/**
 * npm run bench: what the production site costs a reader and a server, in figures.
 * Builds if there is no build, starts `next start` on a port of its own, measures, stops it.
 *
 *  - bytes of HTML, JavaScript and CSS (raw and gzip) and file counts, per page type
 *  - time to first byte, median of 50 sequential requests, per page type
 *  - a story page under load with wrk: requests/s, p50, p99 (32 connections, 20 s)
 *
 * Figures are printed and written to .bench/latest.json. Nothing is asserted here; the byte
 * budgets that are tests belong in the test suite.
 * Not yet here (issue 6): Lighthouse runs and the nginx static-file baseline.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4399" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "32" },
  },
});
const base = `http://127.0.0.1:${values.port}`;
const next = path.join(root, "node_modules/next/dist/bin/next");

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("no build yet: npm run build");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", values.port], {
  cwd: root,
  stdio: "ignore",
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const assetsOf = (html, pattern) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]))];

async function weigh(pagePath) {
  const html = Buffer.from(await (await fetch(base + pagePath)).arrayBuffer());
  const text = html.toString("utf8");
  const kinds = {
    js: assetsOf(text, /<script[^>]+src="([^"]+\.js)"/g),
    css: assetsOf(text, /<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g),
  };
  const result = { html: { files: 1, raw: html.length, gzip: gzip(html) } };
  for (const [kind, urls] of Object.entries(kinds)) {
    let raw = 0;
    let zipped = 0;
    for (const url of urls) {
      const body = Buffer.from(await (await fetch(base + url)).arrayBuffer());
      raw += body.length;
      zipped += gzip(body);
    }
    result[kind] = { files: urls.length, raw, gzip: zipped };
  }
  return result;
}

async function ttfb(pagePath, count = 50) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(base + pagePath);
    times.push(performance.now() - started); // headers arrived
    await response.arrayBuffer();
  }
  times.sort((a, b) => a - b);
  return +times[Math.floor(times.length / 2)].toFixed(2);
}

function load(pagePath) {
  const lua = path.join(root, ".bench", "report.lua");
  writeFileSync(
    lua,
    `done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %d, \\"errors\\": %d, \\"p50_ms\\": %.2f, \\"p99_ms\\": %.2f, \\"seconds\\": %.2f}\\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
`,
  );
  const wrk = spawnSync(
    "wrk",
    [
      "-t2",
      `-c${values.connections}`,
      `-d${values.seconds}s`,
      "-H",
      "Accept-Encoding: gzip",
      "-s",
      lua,
      base + pagePath,
    ],
    { encoding: "utf8" },
  );
  if (wrk.status !== 0) return { error: `wrk is not installed (apt-get install wrk): ${wrk.stderr.trim()}` };
  const figures = JSON.parse(/^JSON (.*)$/m.exec(wrk.stdout)[1]);
  return {
    ...figures,
    connections: Number(values.connections),
    requestsPerSecond: +(figures.requests / figures.seconds).toFixed(1),
  };
}

mkdirSync(path.join(root, ".bench"), { recursive: true });
await waitForServer();
const pages = {
  home: "/",
  story: "/stories/us-china-trade-talks-begin-in-london",
  section: "/world",
  search: "/search?q=trade",
};
const results = { pages: {}, load: null };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log("page      kind   files        raw       gzip    TTFB p50");
for (const [name, pagePath] of Object.entries(pages)) {
  const weight = await weigh(pagePath);
  const median = await ttfb(pagePath);
  results.pages[name] = { path: pagePath, ...weight, ttfbMs: median };
  for (const kind of ["html", "js", "css"]) {
    const w = weight[kind];
    console.log(
      `${(kind === "html" ? name : "").padEnd(9)} ${kind.padEnd(5)} ${String(w.files).padStart(6)} ${kb(w.raw).padStart(10)} ${kb(w.gzip).padStart(10)}${kind === "html" ? `   ${median} ms` : ""}`,
    );
  }
}
results.load = load(pages.story);
if (results.load.error) console.log(results.load.error);
else {
  const l = results.load;
  console.log(
    `story under load: ${l.connections} connections, ${l.seconds.toFixed(0)} s: ${l.requestsPerSecond} req/s, p50 ${l.p50_ms} ms, p99 ${l.p99_ms} ms, ${l.errors} errors`,
  );
}
writeFileSync(path.join(root, ".bench", "latest.json"), JSON.stringify(results, null, 2));
console.log("figures written to .bench/latest.json");
stop();
