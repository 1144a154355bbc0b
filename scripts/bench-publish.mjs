#!/usr/bin/env node
/**
 * npm run bench:publish: what publishing costs, and whether it stays flat as the archive grows.
 * Prints figures; asserts nothing. Everything runs in .synthetic/ workspaces and on loopback.
 *
 *   npm run bench:publish                       # 1, 1,000 and 10,000 stories
 *   npm run bench:publish -- --counts 1,1000    # a quicker run
 *
 * For each count, in a workspace of synthetic stories:
 *  - the deploy build: `npm run publish -- --all` (the content step) and `next build`, wall
 *    time and peak memory (the process tree's resident memory, summed, every 100 ms)
 *  - the reference deployment on that build (nginx, two instances, Redis), then
 *  - render time of a first request: stories the build did not prerender, each asked once,
 *    straight at an instance
 *  - publish-to-live over 12 publishes (4 x a new story, a correction, a takedown): how long
 *    `npm run publish` takes, and from its return until the story page, the home page, the
 *    section's feed and search all show the change on both instances and through nginx
 * Writes .bench/publish.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startCluster } from "../deploy/cluster.mjs";
import { measure } from "./lib/measure.mjs";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "1,1000,10000" },
    port: { type: "string", default: "4460" },
    publishes: { type: "string", default: "12" },
  },
});
const counts = values.counts.split(",").map(Number);
const node = process.execPath;
const SITE_URL = "https://broadsheet.example";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
const mib = (bytes) => Math.round(bytes / 2 ** 20);
const quantile = (list, q) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const round = (ms) => Math.round(ms);

async function fetchText(url) {
  try {
    const response = await fetch(url);
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: "" };
  }
}

/** Polls until every check holds on every base; returns ms from `since` (Infinity after 60 s). */
async function liveAfter(bases, checks, since) {
  const pending = new Set(bases);
  let last = since;
  while (pending.size > 0) {
    if (Date.now() - since > 60_000) return Infinity;
    await Promise.all(
      [...pending].map(async (base) => {
        const results = await Promise.all(checks.map(async ([p, ok]) => ok(await fetchText(base + p))));
        if (results.every(Boolean)) {
          pending.delete(base);
          last = Date.now();
        }
      }),
    );
    if (pending.size > 0) await sleep(100);
  }
  return last - since;
}

const results = { machine: { cores: (await import("node:os")).cpus().length }, runs: [] };

for (const count of counts) {
  const dir = path.join(root, ".synthetic", `bench-publish-${count}`);
  const run = (args) =>
    spawnSync(node, args, { cwd: dir, env: { ...process.env, PWD: dir, SITE_URL }, encoding: "utf8" });
  spawnSync(
    node,
    [path.join(root, "scripts/synthetic-site.mjs"), "--count", String(count), "--dir", dir, "--skip-build"],
    { stdio: "inherit" },
  );
  process.stdout.write(`${count} stories: building ... `);
  process.env.SITE_URL = SITE_URL;
  const content = await measure(node, [path.join(root, "scripts/publish.mjs"), "--all", "--quiet"], dir);
  const next = await measure(node, [path.join(root, "node_modules/next/dist/bin/next"), "build"], dir);
  const prerendered = Object.keys(
    JSON.parse(readFileSync(path.join(dir, ".next/prerender-manifest.json"), "utf8")).routes,
  );
  console.log(
    `content ${content.seconds.toFixed(1)} s (peak ${mib(content.peakBytes)} MiB), next build ${next.seconds.toFixed(1)} s (peak ${mib(next.peakBytes)} MiB), ${prerendered.length} routes prerendered`,
  );

  const port = Number(values.port);
  const cluster = await startCluster({
    instances: 2,
    port,
    standalone: dir,
    distDir: ".next",
    store: path.join(dir, ".broadsheet", "store"),
    redis: true,
  });
  const instance = `http://127.0.0.1:${cluster.instances[0].port}`;
  const bases = [...cluster.instances.map((i) => `http://127.0.0.1:${i.port}`), cluster.url];
  try {
    // First requests of stories the build left to be rendered on demand, oldest first.
    const stories = JSON.parse(readFileSync(path.join(dir, ".broadsheet/store/manifest.json"), "utf8"));
    const unrendered = Object.keys(stories.stories)
      .filter((slug) => !prerendered.includes(`/stories/${slug}`))
      .sort()
      .slice(-20);
    const firstRender = [];
    for (const slug of unrendered) {
      const started = performance.now();
      const { status } = await fetchText(`${instance}/stories/${slug}`);
      if (status === 200) firstRender.push(performance.now() - started);
    }

    const publishes = [];
    const storyDir = path.join(dir, "content", "stories");
    for (let i = 0; i < Number(values.publishes); i++) {
      const kind = ["new story", "correction", "takedown"][i % 3];
      const slug = `bench-publish-${Math.floor(i / 3)}`;
      const headline = `Benchmark publish ${Math.floor(i / 3)}${kind === "correction" ? " corrected" : ""}`;
      const word = `benchword${Math.floor(i / 3)}x${kind === "correction" ? "c" : "n"}`;
      let command;
      if (kind === "takedown") {
        command = run([path.join(root, "scripts/takedown.mjs"), slug, "--reason", "benchmark"]);
      } else {
        writeFileSync(
          path.join(storyDir, `${slug}.md`),
          [
            "---",
            `headline: ${headline}`,
            "standfirst: A story the publishing benchmark writes. Test data, not news.",
            `published: ${iso(Date.now() - 60_000)}`,
            "author: synthetic-author",
            "section: Business",
            "topics:",
            "  - Benchmarks",
            ...(kind === "correction"
              ? [
                  "corrections:",
                  `  - date: ${iso(Date.now() - 2000)}`,
                  "    kind: correction",
                  "    text: Corrected.",
                ]
              : []),
            "---",
            "",
            `Test data, not news. ${word}.`,
            "",
          ].join("\n"),
        );
        const started = performance.now();
        command = run([path.join(root, "scripts/publish.mjs"), "--quiet"]);
        command.ms = performance.now() - started;
      }
      if (command.status !== 0) throw new Error(`publish failed:\n${command.stdout}\n${command.stderr}`);
      const returned = Date.now();
      const page = `/stories/${slug}`;
      const shown = kind !== "takedown";
      const checks = [
        [page, (r) => (shown ? r.status === 200 && r.body.includes(headline) : r.status === 410)],
        ["/", (r) => r.body.includes(`href="${page}"`) === shown && (!shown || r.body.includes(headline))],
        ["/business/feed.xml", (r) => r.body.includes(`${SITE_URL}${page}<`) === shown],
        [
          `/search?q=${shown ? word : "benchmark+publish"}`,
          (r) => r.body.includes(`href="${page}"`) === shown,
        ],
      ];
      const live = await liveAfter(bases, checks, returned);
      publishes.push({ kind, commandMs: round(command.ms ?? 0), liveMs: live });
      // The next round starts clean: the takedown record goes, so the slug can be used again.
      if (kind === "takedown") rmSync(path.join(dir, "content", "takedowns", `${slug}.md`));
    }
    const live = publishes.map((p) => p.liveMs);
    const commands = publishes.filter((p) => p.commandMs > 0).map((p) => p.commandMs);
    const result = {
      stories: count,
      contentSeconds: +content.seconds.toFixed(1),
      contentPeakMiB: mib(content.peakBytes),
      nextBuildSeconds: +next.seconds.toFixed(1),
      nextBuildPeakMiB: mib(next.peakBytes),
      prerenderedRoutes: prerendered.length,
      firstRenderMs: firstRender.length
        ? {
            count: firstRender.length,
            p50: round(quantile(firstRender, 0.5)),
            max: round(Math.max(...firstRender)),
          }
        : null,
      publishCommandMs: { p50: round(quantile(commands, 0.5)), max: round(Math.max(...commands)) },
      publishToLiveMs: { count: live.length, p50: round(quantile(live, 0.5)), max: round(Math.max(...live)) },
      publishes,
    };
    results.runs.push(result);
    console.log(JSON.stringify(result));
  } finally {
    await cluster.stop();
  }
}

console.log(
  "\n| stories | content step | next build (peak) | routes prerendered | first render p50 / max | publish command p50 | publish-to-live p50 / max |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results.runs) {
  console.log(
    `| ${r.stories.toLocaleString("en")} | ${r.contentSeconds} s | ${r.nextBuildSeconds} s (${r.nextBuildPeakMiB.toLocaleString("en")} MiB) | ${r.prerenderedRoutes} | ${r.firstRenderMs ? `${r.firstRenderMs.p50} / ${r.firstRenderMs.max} ms` : "n/a"} | ${r.publishCommandMs.p50} ms | ${r.publishToLiveMs.p50} / ${r.publishToLiveMs.max} ms |`,
  );
}
mkdirSync(path.join(root, ".bench"), { recursive: true });
writeFileSync(path.join(root, ".bench", "publish.json"), JSON.stringify(results, null, 2));
