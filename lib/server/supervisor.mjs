// @ts-check
/**
 * One process per core (SERVER_PROCESSES, default: the cores this process may use), as nginx
 * runs one worker per core: a Node process serves on one core. With more than one, this
 * process is the supervisor and serves nothing itself. Its workers, each a whole server
 * (server.mjs) with its own caches, all reading the same store, share one listening socket, and
 * the kernel gives each new connection to a worker that is free to take it. (Not node:cluster's
 * default round robin, where the supervisor hands out connections: one handed to a worker that
 * has just died waits forever.) A signal to the supervisor reaches every worker, which shuts
 * down as lib/server/shutdown.mjs describes; the supervisor exits when they all have, 0 if they
 * all exited 0. A worker that dies on its own is replaced; one that fails before it listens (a
 * port in use, a missing store) stops the server with its message. A worker whose supervisor
 * dies exits at once (node:cluster).
 */
import cluster from "node:cluster";
import os from "node:os";
import { clip, log } from "../server-log.mjs";

/**
 * How many processes serve (SERVER_PROCESSES): a whole number, 1 or more. Anything else stops
 * the process with a message.
 *
 * @param {string | undefined} setting
 */
export function processCount(setting) {
  const count = Number(setting ?? os.availableParallelism());
  if (!Number.isInteger(count) || count < 1) {
    log(
      {
        event: "error",
        error: `SERVER_PROCESSES must be a whole number, 1 or more (it is "${clip(String(setting))}")`,
      },
      "stderr",
    );
    process.exit(1);
  }
  return count;
}

/**
 * The supervisor's work, until it exits: it never returns. Its workers run the same script
 * (process.argv[1]), in which cluster.isPrimary is false.
 *
 * @param {number} count
 * @returns {Promise<never>}
 */
export function supervise(count) {
  // A young generation of 32 MB rather than 16: a page request allocates a few hundred KB, and
  // fewer, larger scavenges gave from nothing to 8 % more requests per second in A/B runs.
  const flags = process.execArgv.some((flag) => flag.startsWith("--max-semi-space-size"))
    ? []
    : ["--max-semi-space-size=32"];
  // Fixed by the first setupPrimary() or fork(), so set first.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...flags] });
  let stopping = false;
  let failed = false;
  /** Workers that have listened: they were serving. */
  const listened = new WeakSet();
  cluster.on("listening", (worker) => {
    listened.add(worker);
  });
  cluster.on("exit", (worker, code, signal) => {
    const left = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      // Exit 0 only if every worker that was serving shut down cleanly (in time,
      // SHUTDOWN_TIMEOUT_MS); one still starting simply stops.
      if (listened.has(worker) && code !== 0) failed = true;
      if (left === 0) process.exit(failed ? 1 : 0);
    } else if (!listened.has(worker)) {
      // It could not start (its own error is already on stderr): neither can the others.
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      if (left === 0) process.exit(code || 1);
      failed = true;
    } else {
      log({ event: "worker-exit", pid: worker.process.pid, code, signal, restarting: true });
      cluster.fork();
    }
  });
  for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  for (let i = 0; i < count; i++) cluster.fork();
  return new Promise(() => {});
}
