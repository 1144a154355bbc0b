#!/usr/bin/env node
// @ts-check
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
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { quantile, root, runWhenMain, writeFigures } from "../lib/bench-options.mjs";
import { measureBuild, syntheticSite, workspaceCluster } from "../lib/workspace.mjs";

/** The options of `npm run bench:publish`, and their defaults. */
export const PUBLISH_DEFAULTS = { counts: "1,1000,10000", port: 4460, publishes: 12 };

/**
 * @typedef {{ status: number; body: string }} Fetched
 * @typedef {[path: string, ok: (response: Fetched) => boolean]} Check
 */

const SITE_URL = "https://broadsheet.example";
/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
/** @param {number} bytes */
const mib = (bytes) => Math.round(bytes / 2 ** 20);
const round = Math.round;

/**
 * @param {string} url
 * @returns {Promise<Fetched>}
 */
async function fetchText(url) {
  try {
    const response = await fetch(url);
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: "" };
  }
}

/**
 * Polls until every check holds on every base; returns ms from `since` (Infinity after 60 s).
 *
 * @param {string[]} bases
 * @param {Check[]} checks
 * @param {number} since
 */
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

/**
 * One count's run: build, then a deployment, first renders and publishes.
 *
 * @param {number} count
 * @param {number} port
 * @param {number} publishCount
 */
async function publishRun(count, port, publishCount) {
  const node = process.execPath;
  const dir = path.join(root, ".synthetic", `bench-publish-${count}`);
  /** @param {string[]} args */
  const run = (args) =>
    spawnSync(node, args, { cwd: dir, env: { ...process.env, PWD: dir, SITE_URL }, encoding: "utf8" });
  syntheticSite(count, dir, { build: false });
  process.stdout.write(`${count} stories: building ... `);
  process.env.SITE_URL = SITE_URL;
  const { content, next } = await measureBuild(dir);
  const prerendered = Object.keys(
    JSON.parse(readFileSync(path.join(dir, ".next/prerender-manifest.json"), "utf8")).routes,
  );
  console.log(
    `content ${content.seconds.toFixed(1)} s (peak ${mib(content.peakBytes)} MiB), next build ${next.seconds.toFixed(1)} s (peak ${mib(next.peakBytes)} MiB), ${prerendered.length} routes prerendered`,
  );

  const { cluster, stop } = await workspaceCluster(dir, port);
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
    for (let i = 0; i < publishCount; i++) {
      const kind = ["new story", "correction", "takedown"][i % 3];
      const slug = `bench-publish-${Math.floor(i / 3)}`;
      const headline = `Benchmark publish ${Math.floor(i / 3)}${kind === "correction" ? " corrected" : ""}`;
      const word = `benchword${Math.floor(i / 3)}x${kind === "correction" ? "c" : "n"}`;
      let command;
      let commandMs = 0;
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
        commandMs = performance.now() - started;
      }
      if (command.status !== 0) throw new Error(`publish failed:\n${command.stdout}\n${command.stderr}`);
      const returned = Date.now();
      const page = `/stories/${slug}`;
      const shown = kind !== "takedown";
      /** @type {Check[]} */
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
      publishes.push({ kind, commandMs: round(commandMs), liveMs: live });
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
    console.log(JSON.stringify(result));
    return result;
  } finally {
    await stop();
  }
}

/** @param {import("../lib/bench-options.mjs").Options<typeof PUBLISH_DEFAULTS>} options */
export async function publish({ counts, port, publishes }) {
  const results = {
    machine: { cores: (await import("node:os")).cpus().length },
    /** @type {Awaited<ReturnType<typeof publishRun>>[]} */
    runs: [],
  };
  for (const count of counts.split(",").map(Number))
    results.runs.push(await publishRun(count, port, publishes));

  console.log(
    "\n| stories | content step | next build (peak) | routes prerendered | first render p50 / max | publish command p50 | publish-to-live p50 / max |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results.runs) {
    console.log(
      `| ${r.stories.toLocaleString("en")} | ${r.contentSeconds} s | ${r.nextBuildSeconds} s (${r.nextBuildPeakMiB.toLocaleString("en")} MiB) | ${r.prerenderedRoutes} | ${r.firstRenderMs ? `${r.firstRenderMs.p50} / ${r.firstRenderMs.max} ms` : "n/a"} | ${r.publishCommandMs.p50} ms | ${r.publishToLiveMs.p50} / ${r.publishToLiveMs.max} ms |`,
    );
  }
  writeFigures("publish.json", results);
  return results;
}

await runWhenMain(import.meta, PUBLISH_DEFAULTS, publish);
