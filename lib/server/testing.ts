/**
 * For the server modules' tests: real servers on a free port, requests as a client sends them
 * (node:http, nothing decompressed or added), and scripts run in a Node process of their own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
  createServer,
  request,
} from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

export type Reply = { status: number; message: string; headers: IncomingHttpHeaders; body: Buffer };

/** A server on a free loopback port, running `handler`; close() when done. */
export async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  setup: (server: Server) => void = () => {},
  options: Parameters<typeof createServer>[0] = {},
) {
  const server = createServer(options, handler as RequestListener);
  setup(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server for the tests of this file: started before them, closed after them. */
export function withServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  setup?: (server: Server) => void,
  options?: Parameters<typeof createServer>[0],
) {
  const app = { url: "", port: 0, server: undefined as unknown as Server };
  let close = async () => {};
  beforeAll(async () => {
    const started = await serve(handler, setup, options);
    Object.assign(app, { url: started.url, port: started.port, server: started.server });
    close = started.close;
  });
  afterAll(() => close());
  return app;
}

/** One request on a connection of its own; the reply as it came, body undecoded. */
export function send(
  url: string,
  { method = "GET", headers = {} as Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          message: res.statusMessage!,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

/** Writes `text` on a raw TCP connection and returns all the server sent until it closed. */
export function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let got = "";
    socket.on("data", (chunk) => (got += chunk.toString("latin1")));
    socket.on("close", () => resolve(got));
    socket.on("error", reject);
  });
}

/** A TCP connection to `port`, open once this resolves, and a promise of its closing. */
export function openConnection(port: number) {
  return new Promise<{ socket: ReturnType<typeof connect>; closed: Promise<number> }>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const closed = new Promise<number>((done) => socket.on("close", () => done(Date.now())));
    socket.on("error", () => {}); // a reset is a close too
    socket.once("connect", () => resolve({ socket, closed }));
    socket.once("error", reject);
  });
}

/** The absolute path of a module beside this file, for scripts run in a process of their own. */
export const modulePath = (name: string) => path.resolve(import.meta.dirname, name);

export type Child = {
  child: ChildProcess;
  /** Lines written so far, each parsed as JSON (a line that is not JSON fails the test). */
  stdout: Record<string, unknown>[];
  stderr: Record<string, unknown>[];
  /** Resolves with the first line on stdout that `test` accepts. */
  line(
    test: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited: its code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Processes runScript() started: any still running when a test file ends (a test failed) is killed. */
const running = new Set<Child>();
afterAll(async () => {
  for (const { child, exited } of running) {
    child.kill("SIGKILL");
    await exited;
  }
});

/**
 * Runs `source` as an ES module file of its own (cluster workers run the same file), in a Node
 * process with `env` added. Every line it writes must be JSON.
 */
export function runScript(source: string, env: Record<string, string> = {}): Child {
  const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-server-"));
  const file = path.join(dir, "script.mjs");
  writeFileSync(file, source);
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: "pipe" });
  const result: Child = {
    child,
    stdout: [],
    stderr: [],
    line: () => Promise.reject(new Error("unset")),
    exited: new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        running.delete(result);
        rmSync(dir, { recursive: true, force: true });
        resolve({ code, signal });
      }),
    ),
  };
  running.add(result);
  const waiters: {
    test: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  for (const [name, stream] of [
    ["stdout", child.stdout!],
    ["stderr", child.stderr!],
  ] as const) {
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (text: string) => {
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(line);
        } catch {
          parsed = { notJson: line };
        }
        result[name].push(parsed);
        if (name === "stdout") {
          for (const waiter of [...waiters]) {
            if (waiter.test(parsed)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(parsed);
            }
          }
        }
      }
    });
  }
  result.line = (test, timeoutMs = 20_000) => {
    const seen = result.stdout.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no such line within ${timeoutMs} ms: ${JSON.stringify(result)}`)),
        timeoutMs,
      );
      waiters.push({
        test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void result.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`exited before such a line: ${JSON.stringify([result.stdout, result.stderr])}`));
      });
    });
  };
  return result;
}

/** Milliseconds to wait. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
