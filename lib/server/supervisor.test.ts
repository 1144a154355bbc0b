import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { modulePath, runScript, send, sleep } from "./testing";

// A server as server.mjs starts: processCount(), then supervise() in the primary when there is
// more than one; each worker answers with its pid and flags, and shuts down on SIGTERM with
// WORKER_EXIT (default 0). FAIL_BEFORE_LISTEN: a worker fails to start (exit 3).
const SCRIPT = `
import cluster from "node:cluster";
import { createServer } from "node:http";
import { processCount, supervise } from ${JSON.stringify(modulePath("supervisor.mjs"))};
import { log } from ${JSON.stringify(modulePath("../server-log.mjs"))};
const count = processCount(process.env.SERVER_PROCESSES);
if (process.env.COUNT_ONLY) {
  log({ event: "count", count });
  process.exit(0);
}
if (cluster.isPrimary && count > 1) await supervise(count);
if (process.env.FAIL_BEFORE_LISTEN) {
  log({ event: "error", error: "the store is missing" }, "stderr");
  process.exit(3);
}
const server = createServer((req, res) => {
  res.setHeader("Connection", "close");
  res.end(JSON.stringify({ pid: process.pid, primary: cluster.isPrimary, execArgv: process.execArgv }));
});
process.on("SIGTERM", () => server.close(() => process.exit(Number(process.env.WORKER_EXIT ?? 0))));
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () =>
  log({ event: "listening", pid: process.pid, port: server.address().port }),
);
`;

const listening = (line: Record<string, unknown>) => line.event === "listening";

describe("processCount", () => {
  it("takes a whole number of processes, by default the cores", async () => {
    for (const [setting, count] of [
      ["3", 3],
      [undefined, availableParallelism()],
    ] as const) {
      const child = runScript(SCRIPT, { COUNT_ONLY: "1", ...(setting ? { SERVER_PROCESSES: setting } : {}) });
      expect((await child.line((line) => line.event === "count")).count).toBe(count);
      expect((await child.exited).code).toBe(0);
    }
  });

  it("stops with a JSON error for anything else", async () => {
    for (const setting of ["0", "1.5", "many", ""]) {
      const child = runScript(SCRIPT, { COUNT_ONLY: "1", SERVER_PROCESSES: setting });
      expect((await child.exited).code, setting).toBe(1);
      expect(child.stderr, setting).toEqual([
        {
          time: expect.any(String),
          event: "error",
          error: `SERVER_PROCESSES must be a whole number, 1 or more (it is "${setting}")`,
        },
      ]);
      expect(child.stdout, setting).toEqual([]);
    }
  });
});

describe("supervise, in a real process", () => {
  it("starts workers on one port, replaces one that dies, and exits 0 once all stop on SIGTERM", async () => {
    const server = runScript(SCRIPT, { SERVER_PROCESSES: "2" });
    await server.line(listening);
    await sleep(200);
    const workers = server.stdout.filter(listening);
    // Both workers may not have listened yet: wait for the second.
    if (workers.length < 2) await server.line((line) => listening(line) && line.pid !== workers[0].pid);
    const [first, second] = server.stdout.filter(listening);
    expect(first.pid).not.toBe(second.pid);
    expect(first.port).toBe(second.port);
    const base = `http://127.0.0.1:${first.port}`;

    // A worker serves, with the supervisor's young-generation flag; the supervisor does not.
    const answer = JSON.parse((await send(base)).body.toString());
    expect([first.pid, second.pid]).toContain(answer.pid);
    expect(answer.primary).toBe(false);
    expect(answer.execArgv).toContain("--max-semi-space-size=32");

    // One dies: it is logged and replaced, and the port keeps answering.
    process.kill(first.pid as number, "SIGKILL");
    expect(await server.line((line) => line.event === "worker-exit" && line.pid === first.pid)).toMatchObject(
      { code: null, signal: "SIGKILL", restarting: true },
    );
    const third = await server.line(
      (line) => listening(line) && line.pid !== first.pid && line.pid !== second.pid,
    );
    expect(third.port).toBe(first.port);
    for (let i = 0; i < 6; i++) expect((await send(base)).status).toBe(200);

    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    for (const pid of [second.pid, third.pid]) expect(() => process.kill(pid as number, 0)).toThrow();
  });

  it("exits 1 when a worker that was serving does not stop cleanly", async () => {
    const server = runScript(SCRIPT, { SERVER_PROCESSES: "2", WORKER_EXIT: "2" });
    await server.line(listening);
    await sleep(300);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(1);
  });

  it("stops, with the worker's message, when a worker cannot start", async () => {
    const server = runScript(SCRIPT, { SERVER_PROCESSES: "2", FAIL_BEFORE_LISTEN: "1" });
    const { code } = await server.exited;
    expect(code).not.toBe(0);
    expect(server.stderr.map((line) => line.error)).toContain("the store is missing");
    expect(server.stdout.filter((line) => line.event === "worker-exit")).toEqual([]);
  });
});
