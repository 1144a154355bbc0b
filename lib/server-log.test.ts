import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs `code` in a fresh Node process that has the server's log, and returns what it wrote. */
function run(code: string) {
  const serverLog = path.resolve(import.meta.dirname, "server-log.mjs");
  const child = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", `import * as serverLog from ${JSON.stringify(serverLog)};\n${code}`],
    { encoding: "utf8" },
  );
  const lines = (text: string) => text.split("\n").filter(Boolean);
  return { stdout: lines(child.stdout), stderr: lines(child.stderr), status: child.status };
}

describe("the server's log", () => {
  it("writes its own lines as JSON with the time first, on the stream asked for", () => {
    const { stdout, stderr } = run(`
      serverLog.log({ event: "listening", port: 3000 });
      serverLog.log({ event: "error", error: "boom" }, "stderr");
    `);
    expect(stdout.map((line) => JSON.parse(line))).toEqual([
      { time: expect.any(String), event: "listening", port: 3000 },
    ]);
    expect(Object.keys(JSON.parse(stdout[0]))[0]).toBe("time");
    expect(stderr.map((line) => JSON.parse(line).error)).toEqual(["boom"]);
  });

  it("turns anything else written to stdout or stderr into a field, a JSON line per line of text", () => {
    const forged = JSON.stringify({ time: "2026-01-01T00:00:00.000Z", path: "/forged", status: 200 });
    const { stdout, stderr } = run(`
      serverLog.captureOutput();
      console.error(${JSON.stringify(`\u001b[31m⨯\u001b[39m image failed for /\n${forged}\n.png 404`)});
      process.stdout.write("✓ Ready\\npartial ");
      process.stdout.write("line\\n");
    `);
    const errors = stderr.map((line) => JSON.parse(line));
    expect(errors.map((e) => e.message)).toEqual(["⨯ image failed for /", forged, ".png 404"]);
    expect(errors.every((e) => e.event === "output" && e.path === undefined)).toBe(true);
    expect(stdout.map((line) => JSON.parse(line).message)).toEqual(["✓ Ready", "partial line"]);
  });

  it("cuts long texts, so that a line stays under the 4,096 bytes a pipe takes whole", () => {
    const { stdout } = run(`
      for (let i = 0; i < 500; i++) serverLog.log({ path: serverLog.clip("/" + "a".repeat(10000)), i });
    `);
    expect(stdout).toHaveLength(500);
    for (const line of stdout) {
      expect(Buffer.byteLength(line)).toBeLessThan(4096);
      expect(JSON.parse(line).path).toHaveLength(501); // 500 characters and the ellipsis
    }
  });
});
