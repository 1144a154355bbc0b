#!/usr/bin/env node
/**
 * Scale benchmark: how the build and search behave with 1, 1,000 and 10,000 synthetic stories.
 * Prints figures; asserts nothing. Everything runs in .synthetic/ workspaces and on loopback.
 *
 *   npm run bench:scale                      # 1, 1000 and 10000 stories
 *   npm run bench:scale -- --counts 1,1000   # a quicker run
 *
 * For each count: wall time and peak memory (the whole process tree's resident memory, sampled
 * every 100 ms) of the content build and of `next build`. For the largest count: search latency
 * (p50, p99) and throughput with wrk at 16 concurrent connections for 20 seconds, over a rotating
 * set of queries, after a warm-up.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "1,1000,10000" },
    port: { type: "string", default: "4391" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "16" },
  },
});
const counts = values.counts.split(",").map(Number);
const port = Number(values.port);

/** Total resident memory of a process and all its descendants, from /proc, in bytes. */
function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command, returning its wall time and the peak memory of its process tree. */
function measure(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, PWD: cwd, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} failed:\n${output.slice(-3000)}`));
      else resolve({ seconds, peakBytes: peak, output });
    });
  });
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const node = process.execPath;
const results = { machine: { cores: (await import("node:os")).cpus().length }, builds: [], search: null };

for (const count of counts) {
  const dir = path.join(root, ".synthetic", `bench-${count}`);
  spawnSync(
    node,
    [path.join(root, "scripts/synthetic-site.mjs"), "--count", String(count), "--dir", dir, "--skip-build"],
    {
      stdio: "ignore",
    },
  );
  process.stdout.write(`building ${count} stories ... `);
  const content = await measure(
    node,
    [path.join(root, "node_modules/contentlayer2/bin/cli.cjs"), "build"],
    dir,
  );
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
const server = spawn(
  node,
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
  {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "ignore",
  },
);
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
  for (const q of queries) await fetch(`${base}/search?q=${encodeURIComponent(q)}`);
  mkdirSync(path.join(root, ".synthetic"), { recursive: true });
  const lua = path.join(root, ".synthetic", "search.lua");
  writeFileSync(
    lua,
    `local queries = {${queries.map((q) => `"${encodeURIComponent(q)}"`).join(", ")}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/search?q=" .. queries[(i % #queries) + 1])
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
  results.search = {
    stories: largest,
    connections: Number(values.connections),
    ...figures,
    requestsPerSecond: +(figures.requests / figures.seconds).toFixed(1),
  };
  console.log(
    `search at ${largest} stories, ${values.connections} connections, ${figures.seconds.toFixed(0)} s: ` +
      `${results.search.requestsPerSecond} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, ` +
      `max ${figures.max_ms} ms, ${figures.errors} errors`,
  );
} finally {
  server.kill("SIGTERM");
}

const out = path.join(root, ".synthetic", "bench-scale.json");
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`figures written to ${path.relative(root, out)}`);
