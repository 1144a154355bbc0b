/**
 * A property-based fuzz (fast-check) of whole requests: methods x paths (real routes, the
 * routes Next builds for itself, hashed assets, junk) x headers (ranges and validators,
 * encodings, cookies, upgrades, Next's internal headers, forged forwarding headers) x query
 * strings (the parameters routes read, junk, injected markup, forged log lines). Unlike
 * fuzz.ts's fixed list, it draws new combinations from a seed: FUZZ_SEED (fixed in CI, so a
 * failure is reproduced by the same seed) and FUZZ_RUNS requests per target (`npm run
 * bench:fuzz` runs many more). fast-check shrinks a failing request to a smallest one.
 */
import fc from "fast-check";
import { EVERY_ROUTE } from "../routes.mjs";
import { INTERNAL_ROUTES, judge, type FuzzCase } from "./fuzz";
import type { RawResponse } from "./raw-http";

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261129);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 400);

/** Marks what the fuzz injects: if it comes back unescaped, or starts a log line, it leaked. */
export const MARK = "<x-fuzz-7q>";
export const FORGED = "x-fuzz-forged";

export type Drawn = {
  method: string;
  path: string;
  query: [string, string][];
  headers: [string, string][];
};

/** A header value as a client may send it: any printable text, never a line break. */
const headerText = fc
  .string({ unit: "binary", maxLength: 60 })
  .map((s) => s.replace(/[\0-\x1f\x7f]/g, "").replace(/[^\x20-\x7e\x80-\xff]/g, "?"));

/** What a client may put in a parameter: text, markup, encodings, a forged log line. */
const paramValue = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom(
    encodeURIComponent(MARK),
    MARK,
    "%",
    "%zz",
    "%00",
    "%C0%AE",
    "%E0%A4%A",
    "-1",
    "99999999999999999999",
    "1e309",
    "a".repeat(1200),
    `%0A${encodeURIComponent(JSON.stringify({ time: "2026-01-01T00:00:00.000Z", path: "/admin", status: 200, [FORGED]: 1 }))}`,
  ),
);

export function requestArbitrary(asset: string): fc.Arbitrary<Drawn> {
  const path = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...EVERY_ROUTE) },
    { weight: 2, arbitrary: fc.constantFrom(...INTERNAL_ROUTES) },
    { weight: 2, arbitrary: fc.constant(asset) },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.oneof(
            fc.webSegment(),
            fc.constantFrom("..", "%2e%2e", "%2f", "_next", "static", "stories", "preview"),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        )
        .map((segments) => `/${segments.join("/")}`),
    },
  );
  const query = fc.array(
    fc.tuple(
      fc.constantFrom(
        ...["q", "page", "utm_source", "fbclid", "_rsc", "url", "w", "__proto__[x]", "x", "expires", "sig"],
      ),
      paramValue,
    ),
    { maxLength: 4 },
  );
  const header = fc.oneof(
    fc.tuple(
      fc.constant("Range"),
      fc.oneof(
        fc.tuple(fc.nat(99999), fc.nat(99999)).map(([a, b]) => `bytes=${a}-${b}`),
        fc.nat(99999).map((n) => `bytes=-${n}`),
        fc.constantFrom("bytes=abc", "bytes=5-1", "bytes=0-0,2-3", "bytes=999999-", "items=0-1", "bytes="),
        headerText,
      ),
    ),
    fc.tuple(
      fc.constantFrom("If-Range", "If-None-Match", "If-Match", "If-Modified-Since"),
      fc.oneof(headerText, fc.constant("*")),
    ),
    fc.tuple(
      fc.constant("Accept-Encoding"),
      fc.constantFrom("gzip", "br", "identity", "gzip;q=0", "*", "", "deflate, gzip;q=0.5"),
    ),
    fc.tuple(
      fc.constant("Cookie"),
      headerText.map((v) => `__prerender_bypass=${v}; __next_preview_data=${v}`),
    ),
    fc.tuple(fc.constant("Upgrade"), fc.constantFrom("websocket", "h2c", "TLS/1.2")),
    fc.tuple(
      fc.constantFrom(
        "RSC",
        "Next-Router-State-Tree",
        "Next-Router-Prefetch",
        "Next-Router-Segment-Prefetch",
        "Next-Action",
        "Next-Url",
        "X-Middleware-Subrequest",
        "X-Middleware-Prefetch",
        "X-Prerender-Revalidate",
        "X-Now-Route-Matches",
        "X-Matched-Path",
        "X-Invoke-Path",
      ),
      fc.oneof(headerText, fc.constantFrom("1", "middleware:middleware:middleware:middleware:middleware")),
    ),
    fc.tuple(
      fc.constantFrom(
        "X-Forwarded-For",
        "X-Forwarded-Host",
        "X-Forwarded-Proto",
        "Forwarded",
        "X-Real-IP",
        "Host",
      ),
      fc.oneof(headerText, fc.constantFrom("evil.example", "127.0.0.1", "https", `"><${MARK.slice(1)}`)),
    ),
  );
  return fc.record({
    method: fc.constantFrom(
      "GET",
      "GET",
      "GET",
      "HEAD",
      "HEAD",
      "POST",
      "OPTIONS",
      "TRACE",
      "PUT",
      "DELETE",
      "PROPFIND",
      "BREW",
    ),
    path,
    query,
    headers: fc.uniqueArray(header, { maxLength: 4, selector: ([name]) => name.toLowerCase() }),
  });
}

export const target = (drawn: Drawn) =>
  drawn.path + (drawn.query.length ? `?${drawn.query.map(([k, v]) => `${k}=${v}`).join("&")}` : "");

/** The raw request for a drawn one, with `method` in place of its own (to compare HEAD with GET). */
export function rawOf(drawn: Drawn, method = drawn.method) {
  const headers = drawn.headers.some(([name]) => name === "Host")
    ? drawn.headers
    : [["Host", "localhost"], ...drawn.headers];
  const body = ["POST", "PUT"].includes(method) ? "x=1" : "";
  return [
    `${method} ${target(drawn)} HTTP/1.1`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
    ...(body ? [`Content-Type: application/x-www-form-urlencoded`, `Content-Length: ${body.length}`] : []),
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

export function caseOf(drawn: Drawn, asset: string): FuzzCase {
  const request = rawOf(drawn);
  return {
    name: `${drawn.method} ${target(drawn).slice(0, 120)}`,
    request,
    injected: request.includes("x-fuzz"),
    publicFile: drawn.path === asset,
  };
}

/** The headers HEAD must share with GET: everything a client decides on without the body. */
const SHARED = [
  "etag",
  "content-type",
  "content-encoding",
  "content-length",
  "vary",
  "cache-control",
  "location",
];
const header = (response: RawResponse, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, "im").exec(response.head)?.[1]?.trim();

/** What differs between HEAD's answer and GET's to the same request, or nothing. */
export function headVersusGet(head: RawResponse, get: RawResponse, names = SHARED): string[] {
  // A limit reached between the two (nginx's per-client search limit) is no disagreement.
  if (head.status === 429 || get.status === 429 || head.status === null || get.status === null) return [];
  const problems: string[] = [];
  if (head.status !== get.status) problems.push(`HEAD answered ${head.status}, GET ${get.status}`);
  for (const name of names) {
    if (header(head, name) !== header(get, name)) {
      problems.push(`HEAD's ${name} is ${header(head, name)}, GET's ${header(get, name)}`);
    }
  }
  if (head.body.length > 0) problems.push(`HEAD came with a body of ${head.body.length} bytes`);
  return problems;
}

export { judge };
