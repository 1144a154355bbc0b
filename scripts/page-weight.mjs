// @ts-check
/**
 * What a page costs a reader in bytes, as the server sends it: the HTML and every script and
 * stylesheet the HTML loads, each fetched with `Accept-Encoding: gzip` and counted on the wire
 * (`gzip`) and decompressed (`raw`). Used by `npm run bench` and by the budget tests, so both
 * report the same figures.
 */
import { get } from "node:http";
import { gunzipSync } from "node:zlib";

/**
 * @typedef {{ files: number; raw: number; gzip: number }} Weight bytes of some files: decompressed (raw) and as sent (gzip)
 * @typedef {{ html: Weight; js: Weight; css: Weight }} PageWeight
 * @typedef {{ status: number; headers: import("node:http").IncomingHttpHeaders; wire: Buffer }} WireResponse
 */

/**
 * One response, undecoded: its status, headers and the bytes that crossed the wire.
 *
 * @param {string} url
 * @returns {Promise<WireResponse>}
 */
export function fetchWire(url) {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a pooled one the server has since closed fails with EPIPE.
    get(url, { headers: { "Accept-Encoding": "gzip" }, agent: false }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    }).on("error", reject);
  });
}

/**
 * @param {string} url
 * @param {number} [expected] the status it must answer with
 */
async function fetchSized(url, expected = 200) {
  const { status, headers, wire } = await fetchWire(url);
  if (status !== expected) throw new Error(`${url} answered ${status}, not ${expected}`);
  const body = headers["content-encoding"] === "gzip" ? gunzipSync(wire) : wire;
  return { body, raw: body.length, gzip: wire.length };
}

/**
 * @param {string} html
 * @param {RegExp} pattern
 */
const unique = (html, pattern) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]))];

/**
 * Scripts (with src) and stylesheets a page's HTML loads.
 *
 * @param {string} html
 */
export function assetsOf(html) {
  return {
    js: unique(html, /<script[^>]+src="([^"]+\.js)"/g),
    css: unique(html, /<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g),
  };
}

/**
 * { html, js, css }, each { files, raw, gzip } in bytes. noModule scripts are left out: only
 * browsers without ES modules fetch them. `status` is the page's expected status (404 to weigh
 * the not-found page).
 *
 * @param {string} base
 * @param {string} pagePath
 * @param {{ status?: number }} [options]
 * @returns {Promise<PageWeight>}
 */
export async function weigh(base, pagePath, { status = 200 } = {}) {
  const page = await fetchSized(base + pagePath, status);
  const html = page.body.toString("utf8");
  const noModule = new Set(unique(html, /<script[^>]+src="([^"]+\.js)"[^>]*noModule/gi));
  const assets = assetsOf(html);
  /** @type {Partial<PageWeight> & { html: Weight }} */
  const result = { html: { files: 1, raw: page.raw, gzip: page.gzip } };
  for (const kind of /** @type {const} */ (["js", "css"])) {
    const urls = assets[kind];
    const counted = urls.filter((url) => !noModule.has(url));
    const sizes = await Promise.all(counted.map((url) => fetchSized(new URL(url, base).href)));
    result[kind] = {
      files: counted.length,
      raw: sizes.reduce((sum, s) => sum + s.raw, 0),
      gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
    };
  }
  return /** @type {PageWeight} */ (result);
}
