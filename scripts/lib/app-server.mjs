/**
 * Starts Broadsheet's production server (server.mjs) as a child process on a loopback port and
 * waits until it answers /healthz. stop() sends SIGTERM and waits for the exit.
 */
import { spawn } from "node:child_process";
import path from "node:path";

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

export async function startApp({ dir, port, env = {}, log = "ignore" }) {
  const child = spawn(process.execPath, [path.join(dir, "server.mjs")], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", ...env },
    stdio: ["ignore", log, "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  await Promise.race([
    waitFor(`http://127.0.0.1:${port}/healthz`),
    exited.then(({ code }) => {
      throw new Error(`server.mjs on port ${port} exited (${code}) before it answered`);
    }),
  ]);
  return {
    child,
    pid: child.pid,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
