// @ts-check
/**
 * A soak (npm run bench, part 5): about `requests` requests over a mix of page types and new
 * searches, straight at one instance, in chunks of 15 s, with the instance's resident memory
 * (its supervisor and every worker) after warm-up and after each chunk. Nothing asserted.
 */
import { PAGES } from "../../e2e/routes.mjs";
import { treeRss } from "../lib/measure.mjs";
import { wrk } from "../lib/wrk.mjs";

/** @param {number} pid resident memory of the process and its descendants, in MiB */
const rssMiB = (pid) => +(treeRss(pid) / 2 ** 20).toFixed(1);

/**
 * @param {{ base: string; pid: number; requests: number }} options the instance at `base`, whose process is `pid`
 */
export function soak({ base, pid, requests: target }) {
  const chunkSeconds = 15;
  const mix = [...PAGES, "/search?q=trade", "/search?q=london+talks"];
  // Every fifth request a search never asked before (each new query a new entry for the
  // ranking cache, which must stay bounded), the rest the mix in turn.
  const script = `
local paths = {${mix.map((p) => JSON.stringify(p)).join(", ")}}
local i = 0
local id = tostring(math.random(1, 1e9))
request = function()
  i = i + 1
  if i % 5 == 0 then return wrk.format("GET", "/search?q=trade+" .. id .. "x" .. i) end
  return wrk.format("GET", paths[(i % #paths) + 1])
end`;
  console.log(
    `\n== soak: about ${target} requests over ${mix.length + 1} kinds of page, 16 connections, one instance ==`,
  );
  wrk(`${base}/`, { connections: 16, seconds: 10, script }); // warm-up
  const before = rssMiB(pid);
  const samples = [before];
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  while (requests < target) {
    const chunk = wrk(`${base}/`, { connections: 16, seconds: chunkSeconds, script });
    if ("error" in chunk) throw new Error(chunk.error);
    requests += chunk.requests;
    errors += chunk.errors;
    samples.push(rssMiB(pid));
    console.log(
      `  ${String(requests).padStart(7)} requests, ${errors} errors, ${chunk.requestsPerSecond} req/s, p99 ${chunk.p99_ms.toFixed(1)} ms, RSS ${samples.at(-1)} MiB`,
    );
  }
  const after = /** @type {number} */ (samples.at(-1));
  const figures = {
    requests,
    errors,
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    rssMiB: { afterWarmUp: before, atEnd: after, samples },
  };
  console.log(
    `soak: ${requests} requests, ${errors} errors; resident memory ${before} MiB after warm-up, ${after} MiB at the end (min ${Math.min(...samples)}, max ${Math.max(...samples)})`,
  );
  return figures;
}
