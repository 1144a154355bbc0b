#!/usr/bin/env node
// @ts-check
/**
 * The reference deployment on one machine: N Broadsheet instances (the standalone server, each
 * on its own loopback port) behind nginx (deploy/nginx.conf) as load balancer, cache and
 * compressor. For local use and for the fault tests; it stops everything it started.
 *
 *   npm run build && node scripts/standalone.mjs
 *   node deploy/cluster.mjs --instances 2 --port 8080 [--redis]  # nginx on 8080, instances on 8081-8082
 *     SIGHUP: rolling restart of the instances, one at a time; SIGINT/SIGTERM: stop everything
 *
 * The machine's cores are shared out: each instance runs cores / N processes (SERVER_PROCESSES,
 * at least one). A supervisor restarts an instance that exits on its own (crash, SIGKILL). State (nginx's
 * config, cache and logs, each instance's log) lives in .deploy/<port>/.
 *
 * With --redis (or REDIS_URL already set), the instances share rendered pages through Redis
 * (lib/cache-handler.mjs): --redis starts Debian's redis-server on loopback (port + 20, no
 * persistence: it holds only what can be rendered again) and stops it with the rest.
 * Every instance reads the content store that `npm run publish` writes (BROADSHEET_STORE,
 * default .broadsheet/store): a publish reaches them all without a restart.
 *
 * As a module: startCluster() returns { url, instances, kill, restartInstance,
 * rollingRestart, stopInstances, startInstances, stop }.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { nginxConf, startNginx } from "./nginx.mjs";

const root = path.resolve(import.meta.dirname, "..");

/**
 * @typedef {{ status: string; buildId: string; content: number; stories: number }} Health
 *   what an instance's /healthz answers
 * @typedef {{
 *   index: number; port: number; pid: number | null; restarts: number;
 *   child: import("node:child_process").ChildProcess | null; expectExit: boolean;
 *   exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null;
 * }} Instance
 * @typedef {Awaited<ReturnType<typeof startCluster>>} Cluster
 */

/**
 * Waits until the instance on `port` answers /healthz with a 2xx; returns what it said.
 *
 * @param {number} port
 * @returns {Promise<Health>}
 */
async function healthy(port, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return await response.json();
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`instance on port ${port} not healthy after ${timeoutMs} ms`);
}

/**
 * @param {{
 *   instances?: number; port?: number; distDir?: string; standalone?: string; store?: string;
 *   redis?: boolean; log?: (message: string) => void;
 * }} [options]
 */
export async function startCluster({
  instances: count = 2,
  port = 8080,
  distDir = process.env.NEXT_DIST_DIR ?? ".next",
  standalone = path.join(root, distDir, "standalone"),
  store = process.env.BROADSHEET_STORE ?? path.join(root, ".broadsheet", "store"),
  redis = false,
  log = () => {},
} = {}) {
  if (!existsSync(path.join(standalone, "server.mjs"))) {
    throw new Error(`${standalone}/server.mjs is missing: npm run build && node scripts/standalone.mjs`);
  }
  const work = path.join(root, ".deploy", String(port));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(root, "deploy", "error.html"), path.join(work, "error.html"));

  const redisServer = redis ? await startRedis(port + 20, work) : null;
  const redisUrl = redisServer?.url ?? process.env.REDIS_URL;
  if (redisServer) log(`redis on ${redisServer.url}`);

  /** @type {Instance[]} */
  const instances = Array.from({ length: count }, (_, i) => ({
    index: i,
    port: port + 1 + i,
    child: null,
    pid: null,
    restarts: 0,
    expectExit: false,
    exited: null,
  }));

  /** @param {Instance} instance */
  function spawnInstance(instance) {
    const out = openSync(path.join(work, `instance-${instance.index}.log`), "a");
    const child = spawn(process.execPath, ["server.mjs"], {
      cwd: standalone,
      env: {
        ...process.env,
        PORT: String(instance.port),
        HOSTNAME: "127.0.0.1",
        NEXT_DIST_DIR: distDir,
        NODE_ENV: "production",
        // Every instance reads the one store that `npm run publish` writes.
        BROADSHEET_STORE: path.resolve(store),
        // The machine's cores shared out: each instance runs its share of processes (server.mjs).
        SERVER_PROCESSES:
          process.env.SERVER_PROCESSES ?? String(Math.max(1, Math.floor(os.availableParallelism() / count))),
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      },
      stdio: ["ignore", out, out],
    });
    instance.child = child;
    instance.pid = child.pid ?? null;
    instance.expectExit = false;
    instance.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        resolve({ code, signal });
        if (instance.expectExit || stopping) return;
        // Supervision: an instance that died on its own is started again.
        instance.restarts += 1;
        log(`instance ${instance.index} (pid ${child.pid}) exited (${signal ?? code}); restarting`);
        setTimeout(() => {
          if (!stopping && !instance.expectExit) spawnInstance(instance);
        }, 100);
      }),
    );
    return child;
  }

  let stopping = false;
  for (const instance of instances) spawnInstance(instance);
  await Promise.all(instances.map((i) => healthy(i.port)));

  const template = readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8");
  const http = template
    .replaceAll("{{CACHE_DIR}}", path.join(work, "cache"))
    .replaceAll("{{DIR}}", work)
    .replaceAll("{{LISTEN}}", `127.0.0.1:${port}`)
    .replaceAll("{{INSTANCES}}", String(count))
    .replaceAll(
      "{{UPSTREAM_SERVERS}}",
      instances.map((i) => `  server 127.0.0.1:${i.port} max_fails=0;`).join("\n"),
    );
  const nginx = startNginx(work, nginxConf(work, http));
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(
    path.join(work, "ports.json"),
    JSON.stringify({ nginx: port, instances: instances.map((i) => i.port) }),
  );
  log(`nginx on ${url}; instances on ${instances.map((i) => i.port).join(", ")}`);

  /**
   * @param {Instance} instance
   * @param {NodeJS.Signals} [signal]
   */
  async function stopInstance(instance, signal = "SIGTERM") {
    instance.expectExit = true;
    if (instance.child && instance.child.exitCode === null && instance.child.signalCode === null) {
      instance.child.kill(signal);
    }
    await instance.exited;
  }

  return {
    url,
    instances,
    work,
    redisUrl,
    /**
     * Sends a signal as a crash would: the supervisor restarts the instance.
     *
     * @param {number} index
     * @param {NodeJS.Signals} [signal]
     */
    kill(index, signal = "SIGKILL") {
      instances[index].child?.kill(signal);
    },
    /**
     * Waits until instance `index` is up again with a new process; returns its health.
     *
     * @param {number} index
     * @param {number | null} oldPid
     */
    async waitForRestart(index, oldPid, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (instances[index].pid === oldPid && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      return healthy(instances[index].port, Math.max(0, until - Date.now()));
    },
    /**
     * Graceful: SIGTERM (requests in flight finish), then a new process, then wait until healthy.
     *
     * @param {number} index
     */
    async restartInstance(index) {
      const instance = instances[index];
      await stopInstance(instance);
      spawnInstance(instance);
      return healthy(instance.port);
    },
    async rollingRestart() {
      for (const instance of instances) await this.restartInstance(instance.index);
    },
    /**
     * Every instance down, none restarted: nginx alone answers.
     *
     * @param {NodeJS.Signals} [signal]
     */
    async stopInstances(signal = "SIGKILL") {
      await Promise.all(instances.map((i) => stopInstance(i, signal)));
    },
    async startInstances() {
      for (const instance of instances) spawnInstance(instance);
      await Promise.all(instances.map((i) => healthy(i.port)));
    },
    async stop() {
      stopping = true;
      nginx.stop();
      await Promise.all(instances.map((i) => stopInstance(i)));
      await redisServer?.stop();
    },
  };
}

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

/**
 * Debian's redis-server on a loopback port, in the foreground, stopped with the cluster.
 *
 * @param {number} port
 * @param {string} work the folder of its log
 */
async function startRedis(port, work) {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server is not installed (apt-get install redis-server): no ${REDIS_SERVER}`);
  }
  const out = openSync(path.join(work, "redis.log"), "a");
  const child = spawn(
    REDIS_SERVER,
    // Bounded: least recently used pages go first when it is full.
    [
      ...["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", work],
      ...["--maxmemory", process.env.REDIS_MAXMEMORY ?? "256mb", "--maxmemory-policy", "allkeys-lru"],
    ],
    { stdio: ["ignore", out, out] },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `redis://127.0.0.1:${port}`;
  const until = Date.now() + 10_000;
  for (;;) {
    /** @type {boolean} */
    const ready = await new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end("PING\r\n");
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ready) break;
    if (Date.now() > until || child.exitCode !== null)
      throw new Error(`redis-server did not start on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      instances: { type: "string", default: "2" },
      port: { type: "string", default: "8080" },
      redis: { type: "boolean", default: false },
    },
  });
  /** @param {string} message */
  const log = (message) => console.log(`[cluster] ${message}`);
  const cluster = await startCluster({
    instances: Number(values.instances),
    port: Number(values.port),
    redis: values.redis,
    log,
  });
  console.log(
    `[cluster] serving ${cluster.url} (Ctrl-C stops everything; SIGHUP restarts the instances in turn)`,
  );
  process.on("SIGHUP", async () => {
    log("rolling restart");
    await cluster.rollingRestart();
    log("rolling restart done");
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, async () => {
      log("stopping");
      await cluster.stop();
      process.exit(0);
    });
  }
}

// Run from the command line (not when imported by the tests).
if (import.meta.url === `file://${process.argv[1]}`) main();
