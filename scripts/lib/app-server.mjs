// @ts-check
/**
 * Starts Broadsheet's production server (server.mjs) as a child process on a loopback port and
 * waits until it answers /healthz. stop() sends SIGTERM and waits for the exit.
 */
import { spawn } from "node:child_process";
import path from "node:path";

/** @import { IOType } from "node:child_process" */

/**
 * Waits until `url` answers with a 2xx status; throws after `timeoutMs`.
 *
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 */
export async function waitFor(url, { timeoutMs = 30_000 } = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * `dir`'s server.mjs on `port`, with `env` added to this process's environment; its stdout (the
 * request log) goes to `log`, its stderr to `errors`.
 *
 * @param {{ dir: string; port: number; env?: Record<string, string>; log?: IOType; errors?: IOType }} options
 */
export async function startApp({ dir, port, env = {}, log = "ignore", errors = "inherit" }) {
  const child = spawn(process.execPath, [path.join(dir, "server.mjs")], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", ...env },
    stdio: ["ignore", log, errors],
  });
  /** @type {Promise<{ code: number | null; signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  await Promise.race([
    waitFor(`http://127.0.0.1:${port}/healthz`),
    exited.then(({ code }) => {
      throw new Error(`server.mjs on port ${port} exited (${code}) before it answered`);
    }),
  ]);
  return {
    child,
    pid: /** @type {number} */ (child.pid),
    exited,
    async stop(signal = /** @type {NodeJS.Signals} */ ("SIGTERM")) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
