import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Child, modulePath, runScript, send, sleep } from "./testing";

// A server in a process of its own that logs its requests, as server.mjs does: /slow never
// answers (its client gives up), anything else answers "hello".
const SCRIPT = `
import { createServer } from "node:http";
import { logRequest } from ${JSON.stringify(modulePath("request-log.mjs"))};
import { log } from ${JSON.stringify(modulePath("../server-log.mjs"))};
const server = createServer((req, res) => {
  logRequest(req, res, performance.now());
  if (req.url === "/slow") return;
  res.statusCode = req.url === "/missing" ? 404 : 200;
  res.setHeader("Content-Length", 5);
  setTimeout(() => res.end("hello"), 20);
});
server.listen(0, "127.0.0.1", () => log({ event: "listening", port: server.address().port }));
`;

describe("logRequest", () => {
  let child: Child;
  let base = "";
  beforeAll(async () => {
    child = runScript(SCRIPT);
    const { port } = await child.line((line) => line.event === "listening");
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    child.child.kill("SIGKILL");
    await child.exited;
  });
  const requestLine = (path: string) => child.line((line) => line.path === path, 5_000);

  it("writes one JSON line per request: time, pid, method, path as sent, status, bytes, ms", async () => {
    await send(`${base}/stories/a?b=1&c=%22`);
    const line = await requestLine("/stories/a?b=1&c=%22");
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: child.child.pid,
      method: "GET",
      path: "/stories/a?b=1&c=%22",
      status: 200,
      bytes: 5,
      ms: expect.any(Number),
    });
    expect(line.ms as number).toBeGreaterThanOrEqual(15);
    expect(Object.keys(line)[0]).toBe("time");
    await send(`${base}/missing`, { method: "HEAD" });
    expect(await requestLine("/missing")).toMatchObject({ method: "HEAD", status: 404 });
  });

  it("cuts a long path at 500 characters", async () => {
    const path = `/${"a".repeat(2000)}`;
    await send(`${base}${path}`);
    const line = await child.line((logged) => String(logged.path).startsWith("/aaaa"), 5_000);
    expect(line.path).toBe(`${path.slice(0, 500)}…`);
  });

  it("logs a request whose client gave up as aborted", async () => {
    const req = request(`${base}/slow`, { agent: false });
    req.on("error", () => {});
    req.end();
    await sleep(100);
    req.destroy();
    const line = await requestLine("/slow");
    expect(line).toMatchObject({ method: "GET", aborted: true });
    expect(line.bytes).toBeUndefined();
  });

  it("writes nothing else on stdout or stderr", () => {
    expect(child.stdout.filter((line) => "notJson" in line)).toEqual([]);
    expect(child.stderr).toEqual([]);
  });
});
