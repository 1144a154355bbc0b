// @ts-check
/**
 * Workspaces of synthetic stories (scripts/synthetic-site.mjs) for the benchmarks: laid out,
 * built with each step measured, and served by the reference deployment.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startCluster } from "../../deploy/cluster.mjs";
import { root, stopOnExit } from "./bench-options.mjs";
import { measure } from "./measure.mjs";

/**
 * Lays out a workspace of `count` synthetic stories in `dir` (scripts/synthetic-site.mjs), and
 * builds it unless `build` is false. Returns synthetic-site.mjs's exit status.
 *
 * @param {number} count
 * @param {string} dir
 * @param {{ build?: boolean; stdio?: import("node:child_process").StdioOptions }} [options]
 */
export function syntheticSite(count, dir, { build = true, stdio = "inherit" } = {}) {
  const args = ["--count", String(count), "--dir", dir, ...(build ? [] : ["--skip-build"])];
  return spawnSync(process.execPath, [path.join(root, "scripts/synthetic-site.mjs"), ...args], { stdio })
    .status;
}

/**
 * A workspace's deploy build, each step measured: the content step (`npm run publish -- --all`)
 * and `next build`.
 *
 * @param {string} dir
 */
export async function measureBuild(dir) {
  const node = process.execPath;
  const content = await measure(node, [path.join(root, "scripts/publish.mjs"), "--all", "--quiet"], dir);
  const next = await measure(node, [path.join(root, "node_modules/next/dist/bin/next"), "build"], dir);
  return { content, next };
}

/**
 * The reference deployment (deploy/cluster.mjs: nginx, two instances, Redis) on the build of the
 * workspace `dir`, nginx on `port`. `stop()` stops it; so does the process's exit.
 *
 * @param {string} dir
 * @param {number} port
 */
export async function workspaceCluster(dir, port) {
  const cluster = await startCluster({
    instances: 2,
    port,
    standalone: dir,
    distDir: ".next",
    store: path.join(dir, ".broadsheet", "store"),
    redis: true,
  });
  return { cluster, stop: stopOnExit(() => cluster.stop()) };
}
