// @ts-check
/**
 * Page weight and time to first byte (npm run bench, part 1 and 2): for each page, its HTML and
 * the JavaScript and CSS it loads, raw and gzip (as sent), with file counts, and the median of
 * 50 sequential requests' time to first byte; then Next's client runtime alone, weighed on the
 * not-found page (no client component of ours).
 */
import { Agent, get } from "node:http";
import { weigh } from "../page-weight.mjs";
import { median } from "../lib/bench-options.mjs";

/** @import { PageWeight, Weight } from "../page-weight.mjs" */

/**
 * @typedef {PageWeight & { path: string; ttfbMs: number }} PageFigures
 * @typedef {{ page: string; js: Weight }} RuntimeFigures
 */

/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * Milliseconds from sending a request to its response headers arriving (body then drained).
 *
 * @param {string} url
 * @returns {Promise<number>}
 */
function firstByte(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(url, { headers: { "Accept-Encoding": "gzip" }, agent: keepAlive }, (res) => {
      const ms = performance.now() - started;
      res.resume();
      res.on("end", () => resolve(ms));
    }).on("error", reject);
  });
}

/**
 * @param {string} base
 * @param {string} pagePath
 */
async function ttfb(pagePath, base, count = 50) {
  await firstByte(base + pagePath); // opens the connection
  const times = [];
  for (let i = 0; i < count; i++) times.push(await firstByte(base + pagePath));
  return +median(times).toFixed(2);
}

/**
 * Weighs and times each of `pages` (name: path) on the server at `base`, printing a table.
 *
 * @param {{ base: string; pages: Record<string, string> }} options
 * @returns {Promise<{ pages: Record<string, PageFigures>; runtime: RuntimeFigures }>}
 */
export async function weights({ base, pages }) {
  console.log("\n== page weight (gzip as sent) and time to first byte ==");
  console.log("page      kind   files        raw       gzip    TTFB p50");
  /**
   * @param {string} name
   * @param {string} kind
   * @param {Weight} w
   */
  const row = (name, kind, w, extra = "") =>
    console.log(
      `${name.padEnd(9)} ${kind.padEnd(5)} ${String(w.files).padStart(6)} ${kb(w.raw).padStart(10)} ${kb(w.gzip).padStart(10)}${extra}`,
    );
  /** @type {Record<string, PageFigures>} */
  const figures = {};
  for (const [name, pagePath] of Object.entries(pages)) {
    const weight = await weigh(base, pagePath);
    const first = await ttfb(pagePath, base);
    figures[name] = { path: pagePath, ...weight, ttfbMs: first };
    row(name, "html", weight.html, `   ${first} ms`);
    row("", "js", weight.js);
    row("", "css", weight.css);
  }
  const runtime = await weigh(base, "/no-such-page", { status: 404 });
  row("runtime", "js", runtime.js, "   (Next's client runtime alone: the not-found page)");
  console.log(`story JavaScript over the runtime: ${kb(figures.story.js.gzip - runtime.js.gzip)} gzip`);
  return { pages: figures, runtime: { page: "not-found (no client component)", js: runtime.js } };
}
