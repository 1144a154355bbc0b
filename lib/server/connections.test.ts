import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { limitConnections, openFilesLimit, socketLimits } from "./connections.mjs";
import { modulePath, openConnection, send, sleep, withServer } from "./testing";

describe("openFilesLimit", () => {
  it("reads the soft limit from /proc/self/limits, as the process has it", () => {
    const child = spawnSync(
      "bash",
      [
        "-c",
        `ulimit -n 256 && exec "${process.execPath}" --input-type=module -e 'import { openFilesLimit } from ${JSON.stringify(modulePath("connections.mjs"))}; console.log(openFilesLimit())'`,
      ],
      { encoding: "utf8" },
    );
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("256");
  });

  it("reads unlimited as a million, and falls back to 1,024", () => {
    const limits = (open: string) =>
      `Limit                     Soft Limit           Hard Limit           Units\nMax processes             63601                63601                processes\nMax open files            ${open}                 524288               files\n`;
    expect(openFilesLimit(limits("4096"))).toBe(4096);
    expect(openFilesLimit(limits("unlimited"))).toBe(1_048_576);
    expect(openFilesLimit("nothing of the kind")).toBe(1024);
  });

  it("caps sockets at three quarters of it (64 at least), and sheds past two thirds of that", () => {
    expect(socketLimits(1024)).toEqual({ maxSockets: 768, shedSockets: 512 });
    expect(socketLimits(10)).toEqual({ maxSockets: 64, shedSockets: 42 });
  });
});

describe("limitConnections, on a real server", () => {
  const app = withServer(
    (req, res) => res.end("ok"),
    (server) =>
      limitConnections(server, {
        maxSockets: 12,
        shedSockets: 6,
        headersTimeout: 400,
        keepAliveTimeout: 300,
        checkEvery: 50,
      }),
  );

  it("closes a connection that sends nothing after the header timeout", async () => {
    const opened = Date.now();
    const { closed } = await openConnection(app.port);
    const after = (await closed) - opened;
    expect(after).toBeGreaterThanOrEqual(350);
    expect(after).toBeLessThan(1500);
  });

  it("closes a keep-alive connection idle between requests after the keep-alive timeout", async () => {
    const { socket, closed } = await openConnection(app.port);
    let reply = "";
    socket.on("data", (chunk: Buffer) => (reply += chunk));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    const answered = Date.now();
    const after = (await closed) - answered;
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    // Node adds a second to the timeout it states (Keep-Alive: timeout=…); its default is 5 s.
    expect(after).toBeGreaterThanOrEqual(250);
    expect(after).toBeLessThan(3000);
  });

  it("sheds the oldest silent connections beyond the threshold, and still serves", async () => {
    const connections = [];
    for (let i = 0; i < 7; i++) connections.push(await openConnection(app.port));
    await sleep(50);
    // Seven open, six allowed: down to three, oldest first, sparing the newest.
    const state = await Promise.all(
      connections.map(({ closed }) =>
        Promise.race([closed.then(() => "closed"), sleep(100).then(() => "open")]),
      ),
    );
    expect(state).toEqual(["closed", "closed", "closed", "closed", "open", "open", "open"]);
    expect((await send(app.url)).body.toString()).toBe("ok");
    for (const { socket } of connections) socket.destroy();
  });

  it("caps the sockets at maxSockets", () => {
    expect(app.server.maxConnections).toBe(12);
    expect(app.server.keepAliveTimeout).toBe(300);
  });
});
