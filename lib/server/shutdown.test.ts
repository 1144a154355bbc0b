import { Agent, request } from "node:http";
import { describe, expect, it } from "vitest";
import { type Reply, modulePath, runScript, send, sleep } from "./testing";

// A server in a process of its own that shuts down as server.mjs does: /healthz answers 503
// once shutdown has begun, /hang never answers, anything else after ?ms= milliseconds.
const SCRIPT = `
import { createServer } from "node:http";
import { gracefulShutdown } from ${JSON.stringify(modulePath("shutdown.mjs"))};
import { log } from ${JSON.stringify(modulePath("../server-log.mjs"))};
const server = createServer((req, res) => {
  shutdown.closeAfter(res);
  if (req.url === "/healthz") {
    res.statusCode = shutdown.closing ? 503 : 200;
    return res.end();
  }
  if (req.url === "/hang") return;
  const ms = Number(new URL(req.url, "http://x").searchParams.get("ms") ?? 0);
  setTimeout(() => res.end("done"), ms);
});
const shutdown = gracefulShutdown(server, {
  graceMs: Number(process.env.GRACE_MS),
  timeoutMs: Number(process.env.TIMEOUT_MS),
});
process.on("SIGTERM", () => shutdown.begin("SIGTERM"));
server.listen(0, "127.0.0.1", () => log({ event: "listening", port: server.address().port }));
`;

async function start(env: Record<string, string>) {
  const child = runScript(SCRIPT, env);
  const { port } = await child.line((line) => line.event === "listening");
  return { ...child, base: `http://127.0.0.1:${port}` };
}

/** A GET on a keep-alive connection of `agent`. */
function keepAlive(url: string, agent: Agent) {
  return new Promise<Reply>((resolve, reject) => {
    request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, message: "", headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

describe("gracefulShutdown, in a real process sent SIGTERM", () => {
  it("finishes requests in flight, refuses new connections after the grace, and exits 0", async () => {
    const server = await start({ GRACE_MS: "300", TIMEOUT_MS: "5000" });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // A keep-alive connection, idle when the signal comes.
    const before = await keepAlive(`${server.base}/`, agent);
    expect(before.headers.connection).toBe("keep-alive");
    const idle = Object.values(agent.freeSockets)[0]![0];
    const idleClosed = new Promise((resolve) => idle.on("close", resolve));

    // Requests on keep-alive connections (send() would ask for the connection to close).
    const inFlight = keepAlive(`${server.base}/?ms=900`, new Agent({ keepAlive: true }));
    await sleep(100);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await server.line((line) => line.event === "shutdown" && line.signal === "SIGTERM");

    // During the grace: the health check fails, and what still arrives is served, closing.
    const health = await send(`${server.base}/healthz`);
    expect(health.status).toBe(503);
    const late = await keepAlive(`${server.base}/`, new Agent({ keepAlive: true }));
    expect(late.status).toBe(200);
    expect(late.headers.connection).toBe("close");

    // After it: no new connections.
    await sleep(Math.max(0, signalled + 500 - Date.now()));
    await expect(send(`${server.base}/`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await idleClosed;

    // The request in flight at the signal finishes, and says the connection closes.
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.body.toString()).toBe("done");
    expect(finished.headers.connection).toBe("close");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    agent.destroy();
  });

  it("cuts what is left after the timeout, and exits 1", async () => {
    const server = await start({ GRACE_MS: "50", TIMEOUT_MS: "700" });
    const hanging = send(`${server.base}/hang`);
    await sleep(100);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await expect(hanging).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(650);
  });

  it("begins once: a second signal changes nothing", async () => {
    const server = await start({ GRACE_MS: "200", TIMEOUT_MS: "5000" });
    const inFlight = send(`${server.base}/?ms=600`);
    await sleep(50);
    server.child.kill("SIGTERM");
    await sleep(50);
    server.child.kill("SIGTERM");
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stdout.filter((line) => line.event === "shutdown")).toHaveLength(1);
  });
});
