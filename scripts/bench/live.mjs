#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:live: what live coverage's readers cost (issue 14). Prints figures; asserts
 * nothing. Everything runs in a .synthetic/ workspace and on loopback. Also the last part of
 * `npm run bench`, with these defaults.
 *
 *   npm run bench:live                                   # 1,000 readers, 2 minutes
 *   npm run bench:live -- --readers 2000 --seconds 180 --every 15
 *
 * A workspace of synthetic stories (story 5 is live coverage), behind the reference deployment
 * (deploy/cluster.mjs: nginx, two instances, Redis). --readers simulated readers poll the live
 * story's /live.json through nginx every LIVE_POLL_SECONDS (site.config.mjs), as the island does,
 * their first polls spread over one interval; meanwhile an editor adds an entry and runs
 * `npm run publish` every --every seconds. Printed:
 *  - polls sent, and how many reached an instance (the instances' request logs), with nginx's
 *    cache status of the answers (X-Cache)
 *  - p50, p99 and the slowest poll
 *  - for each published entry: from `npm run publish` returning until every reader had seen it
 *    (a poll whose count includes it), with the median reader
 * Writes .bench/live.json.
 */
import { execFile as execFileCallback } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, get } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { LIVE_POLL_SECONDS } from "../../site.config.mjs";
import { quantile, root, runWhenMain, writeFigures } from "../lib/bench-options.mjs";
import { syntheticSite, workspaceCluster } from "../lib/workspace.mjs";

/** The options of `npm run bench:live`, and their defaults. */
export const LIVE_DEFAULTS = {
  readers: 1000,
  seconds: 120,
  every: 20,
  count: 40,
  port: 4480,
  "skip-build": false,
};

/** @typedef {{ status: number; cache: string; count: number; ms: number }} Answer */

const execFile = promisify(execFileCallback);
const STORY = "synthetic-00005";
const POLL_PATH = `/stories/${STORY}/live.json`;
/** @param {number} value */
const ms = (value) => `${Math.round(value)} ms`;

/** @param {import("../lib/bench-options.mjs").Options<typeof LIVE_DEFAULTS>} options */
export async function live({ readers, seconds, every, count: stories, port, "skip-build": skipBuild }) {
  const node = process.execPath;
  const dir = path.join(root, ".synthetic", `bench-live-${stories}`);
  if (!skipBuild || !existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    const status = syntheticSite(stories, dir, { stdio: ["ignore", "ignore", "inherit"] });
    if (status !== 0) throw new Error(`scripts/synthetic-site.mjs failed (${status}) in ${dir}`);
  }

  const { cluster, stop } = await workspaceCluster(dir, port);

  /** How many requests for the poll reached the instances so far (their request logs). */
  function instancePolls() {
    let total = 0;
    for (const instance of cluster.instances) {
      const logFile = path.join(cluster.work, `instance-${instance.index}.log`);
      for (const line of readFileSync(logFile, "utf8").split("\n")) {
        if (line.includes(`"path":"${POLL_PATH}"`)) total++;
      }
    }
    return total;
  }

  // Many readers share few connections, as they would share nginx's listening socket.
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  /** @returns {Promise<Answer>} */
  function poll() {
    const started = performance.now();
    return new Promise((resolve) => {
      get(`${cluster.url}${POLL_PATH}`, { agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => {
          let count = -1;
          try {
            count = JSON.parse(body).count;
          } catch {
            // Counted as an error below.
          }
          resolve({
            status: res.statusCode ?? 0,
            cache: String(res.headers["x-cache"] ?? "none"),
            count,
            ms: performance.now() - started,
          });
        });
      }).on("error", () =>
        resolve({ status: 0, cache: "error", count: -1, ms: performance.now() - started }),
      );
    });
  }

  try {
    const initial = await poll();
    if (initial.status !== 200) throw new Error(`${POLL_PATH} answered ${initial.status}`);
    console.log(
      `live bench: ${readers} readers polling ${POLL_PATH} through nginx every ${LIVE_POLL_SECONDS} s, an entry published every ${every} s, for ${seconds} s (${initial.count} entries at the start)`,
    );

    /** @type {number[]} */
    const latencies = [];
    // Polls answered while `npm run publish` ran (its Contentlayer build takes the machine's cores).
    /** @type {number[]} */
    const duringPublish = [];
    /** @type {number[]} */
    const otherwise = [];
    let publishing = false;
    /** @type {Record<string, number>} */
    const cacheStatus = {};
    let sent = 0;
    let errors = 0;
    // For each reader, when each entry count was first seen.
    /** @type {Map<number, number>[]} */
    const firstSeen = Array.from({ length: readers }, () => new Map());
    const startedAt = Date.now();
    const endAt = startedAt + seconds * 1000;
    const polledBefore = instancePolls();

    /** @param {number} index */
    const reader = async (index) => {
      await sleep(Math.random() * LIVE_POLL_SECONDS * 1000);
      while (Date.now() < endAt) {
        const next = Date.now() + LIVE_POLL_SECONDS * 1000;
        const answer = await poll();
        sent++;
        latencies.push(answer.ms);
        (publishing ? duringPublish : otherwise).push(answer.ms);
        cacheStatus[answer.cache] = (cacheStatus[answer.cache] ?? 0) + 1;
        if (answer.status !== 200) errors++;
        else if (!firstSeen[index].has(answer.count)) firstSeen[index].set(answer.count, Date.now());
        await sleep(Math.max(0, next - Date.now()));
      }
    };

    /** @type {{ entry: string; count: number; publishMs: number; returnedAt: number }[]} */
    const published = [];
    const editor = async () => {
      const liveDir = path.join(dir, "content", "live", STORY);
      let count = initial.count;
      for (let n = 1; Date.now() + every * 1000 < endAt - LIVE_POLL_SECONDS * 1000 - 5_000; n++) {
        await sleep(every * 1000);
        const time = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, "Z");
        const name = `${time.slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}-bench-entry-${n}`;
        writeFileSync(
          path.join(liveDir, `${name}.md`),
          `---\ntime: ${time}\ntitle: Bench entry ${n}\n---\n\nThe live bench's entry ${n}: test data, not news.\n`,
        );
        const began = Date.now();
        publishing = true;
        await execFile(node, [path.join(root, "scripts/publish.mjs"), "--quiet"], {
          cwd: dir,
          env: { ...process.env, PWD: dir },
        });
        publishing = false;
        count++;
        published.push({ entry: name, count, publishMs: Date.now() - began, returnedAt: Date.now() });
      }
    };

    await Promise.all([editor(), ...Array.from({ length: readers }, (_, i) => reader(i))]);
    await sleep(1_000);
    const reached = instancePolls() - polledBefore;

    const entries = published.map(({ entry, count, publishMs, returnedAt }) => {
      const seenAfter = firstSeen.map((seen) => {
        const times = [...seen].filter(([c]) => c >= count).map(([, at]) => at);
        return times.length > 0 ? Math.min(...times) - returnedAt : Infinity;
      });
      return {
        entry,
        publishMs,
        everyReaderMs: Math.max(...seenAfter),
        medianReaderMs: quantile(seenAfter, 0.5),
        readersWhoSawIt: seenAfter.filter(Number.isFinite).length,
      };
    });
    const figures = {
      readers,
      pollSeconds: LIVE_POLL_SECONDS,
      seconds,
      pollsSent: sent,
      pollsPerSecond: Math.round((sent / seconds) * 10) / 10,
      pollsThatReachedAnInstance: reached,
      errors,
      cacheStatus,
      latency: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: Math.max(...latencies) },
      latencyOtherwise: {
        polls: otherwise.length,
        p50: quantile(otherwise, 0.5),
        p99: quantile(otherwise, 0.99),
      },
      latencyDuringPublish: {
        polls: duringPublish.length,
        p50: quantile(duringPublish, 0.5),
        p99: quantile(duringPublish, 0.99),
      },
      entries,
    };
    console.log(`polls sent: ${sent} (${figures.pollsPerSecond}/s), errors: ${errors}`);
    console.log(
      `polls that reached an instance: ${reached} (${((100 * reached) / sent).toFixed(2)} %; one per ${(seconds / Math.max(1, reached)).toFixed(1)} s); nginx cache: ${JSON.stringify(cacheStatus)}`,
    );
    console.log(
      `poll latency through nginx: p50 ${figures.latency.p50.toFixed(2)} ms, p99 ${figures.latency.p99.toFixed(2)} ms, max ${figures.latency.max.toFixed(1)} ms`,
    );
    console.log(
      `  of which ${duringPublish.length} answered while npm run publish ran: p50 ${figures.latencyDuringPublish.p50?.toFixed(2)} ms, p99 ${figures.latencyDuringPublish.p99?.toFixed(2)} ms; the other ${otherwise.length}: p50 ${figures.latencyOtherwise.p50?.toFixed(2)} ms, p99 ${figures.latencyOtherwise.p99?.toFixed(2)} ms`,
    );
    for (const e of entries) {
      console.log(
        `${e.entry}: publish took ${ms(e.publishMs)}; then every reader had seen it after ${ms(e.everyReaderMs)} (median reader ${ms(e.medianReaderMs)}; ${e.readersWhoSawIt}/${readers} readers)`,
      );
    }
    writeFigures("live.json", figures);
    return figures;
  } finally {
    agent.destroy();
    await stop();
  }
}

await runWhenMain(import.meta, LIVE_DEFAULTS, live);
