// @ts-check
/**
 * wrk, the load generator (Debian package wrk), with its figures returned as an object:
 * requests, errors (non-2xx/3xx responses and socket errors), latency p50/p90/p99/max in ms,
 * req/s.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK {\\"requests\\": %d, \\"errors\\": %d, \\"non2xx3xx\\": %d, \\"p50_ms\\": %.3f, \\"p90_ms\\": %.3f, \\"p99_ms\\": %.3f, \\"max_ms\\": %.3f, \\"seconds\\": %.3f}\\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.duration / 1e6))
end
`;

/**
 * @typedef {{
 *   requests: number; errors: number; non2xx3xx: number;
 *   p50_ms: number; p90_ms: number; p99_ms: number; max_ms: number; seconds: number;
 *   connections: number; requestsPerSecond: number;
 * }} WrkFigures
 */

/**
 * Runs wrk against url. `script` is extra Lua (a request() function, say) put before the report.
 * Requests ask for gzip unless `gzip` is false; `timeout` is wrk's (a slower answer is an error).
 * Returns { error } when wrk is missing.
 *
 * @param {string} url
 * @param {{ connections?: number; seconds?: number; threads?: number; headers?: Record<string, string>; script?: string; gzip?: boolean; timeout?: string }} [options]
 * @returns {WrkFigures | { error: string }}
 */
export function wrk(
  url,
  { connections = 32, seconds = 20, threads = 2, headers = {}, script = "", gzip = true, timeout } = {},
) {
  const dir = path.join(os.tmpdir(), "broadsheet-wrk");
  mkdirSync(dir, { recursive: true });
  const lua = path.join(dir, `report-${process.pid}.lua`);
  writeFileSync(lua, `${script}\n${REPORT}`);
  const headerArgs = Object.entries({ ...(gzip ? { "Accept-Encoding": "gzip" } : {}), ...headers }).flatMap(
    ([k, v]) => ["-H", `${k}: ${v}`],
  );
  const run = spawnSync(
    "wrk",
    [
      `-t${threads}`,
      `-c${connections}`,
      `-d${seconds}s`,
      ...(timeout ? ["--timeout", timeout] : []),
      "--latency",
      ...headerArgs,
      "-s",
      lua,
      url,
    ],
    { encoding: "utf8" },
  );
  const report = /^WRK (.*)$/m.exec(run.stdout ?? "");
  if (run.error || run.status !== 0 || !report) {
    return { error: `wrk failed (apt-get install wrk): ${run.error?.message ?? run.stderr.trim()}` };
  }
  const figures = JSON.parse(report[1]);
  return {
    ...figures,
    connections,
    requestsPerSecond: +(figures.requests / figures.seconds).toFixed(1),
  };
}
