/**
 * A bounded, deterministic fuzz of hostile requests: paths, methods, headers and query strings
 * on every page type. Each case is a raw HTTP/1.1 request (see raw-http.ts) and a judgement of
 * its response: never a 5xx, never the input reflected unescaped, never a stack trace or a
 * server path.
 */
import { EVERY_ROUTE, firstStory } from "../routes.mjs";
import type { RawResponse } from "./raw-http";

/** Marks injected markup: if it comes back as-is, the server reflected input unescaped. */
const MARK = "<x-fuzz-7q>";
const SCRIPT = `<script>alert("x-fuzz")</script>`;

export const PAGES = EVERY_ROUTE;

const QUERIES = [
  `q=${encodeURIComponent(MARK)}`,
  `q=${encodeURIComponent(SCRIPT)}`,
  `q=${MARK}`, // unencoded markup in the query
  "q=%",
  "q=%zz%g0",
  "q=%00",
  "q=%C0%AE%C0%AE",
  "q=%E0%A4%A",
  `q=${encodeURIComponent("日本語 café 🗞️")}`,
  `q=${"a".repeat(4000)}`,
  "q=1&q=2&q=3&page=-1",
  "page=99999999999999999999",
  "page=1e309",
  "__proto__[polluted]=1&constructor[prototype][x]=1",
  "_rsc=1",
  `${"p".repeat(50)}=${"v".repeat(50)}&`.repeat(60),
  "q",
  "=&&==",
  `q=${encodeURIComponent('"><svg onload=alert(1)>')}`,
  "q=..%2F..%2Fetc%2Fpasswd",
];

/** Routes Next builds for itself: answered as unknown addresses, never stored. */
export const INTERNAL_ROUTES = [
  "/_not-found",
  "/_global-error",
  "/404",
  "/500",
  "/index",
  "/_error",
  "/_app",
  "/_document",
];

const PATHS = [
  ...INTERNAL_ROUTES,
  "/../../../../etc/passwd",
  "/..%2f..%2f..%2fetc%2fpasswd",
  "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
  "/_next/static/../../package.json",
  "/_next/static/%2e%2e/%2e%2e/server.mjs",
  "/_next/static/..%2f..%2fBUILD_ID",
  "/_next/image?url=/etc/passwd&w=640&q=75",
  "/_next/image?url=http://169.254.169.254/&w=640&q=75",
  "/_next/image?url=%2Flogo.png&w=99999&q=75",
  "/_next/data/x/index.json",
  "/.env",
  "/.git/config",
  "/server.mjs",
  "/package.json",
  "/.next/BUILD_ID",
  "/.contentlayer/search-index.json",
  "/stories/%00",
  "/%00",
  "/stories/a%00b",
  "/world%00.xml",
  `/stories/${"a".repeat(300)}`,
  `/stories/${"a".repeat(5000)}`,
  `/${"x/".repeat(1000)}`,
  "/%",
  "/%zz",
  "/stories/%E0%A4%A",
  "/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd",
  "/%FF%FE",
  `/stories/${encodeURIComponent("日本語")}`,
  "/stories/日本語",
  `/world/${encodeURIComponent("é")}`,
  `/${encodeURIComponent("🗞️")}`,
  `/search/${encodeURIComponent(MARK)}`,
  `/${encodeURIComponent(SCRIPT)}`,
  `/stories/${MARK}`,
  "//evil.example/",
  "///evil.example/%2e%2e",
  "/world//page//2",
  "/world/page/0",
  "/world/page/-1",
  "/world/page/1.5",
  "/world/page/99999999999999999999",
  "/topics/%2e%2e",
  "/authors/..",
  "/stories/.",
  "/feed.xml/",
  "/feed.xml;jsessionid=1",
  // Preview links that are not ours (lib/preview.mjs): the site's 404 page, private, whatever they hold.
  "/preview/",
  "/preview/x?expires=99999999999&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  `/preview/${MARK}?expires=1&sig=${encodeURIComponent(MARK)}`,
  "/preview/..%2fstories%2fx?expires=99999999999&sig=x",
  "/preview/x?expires=99999999999&sig=x&sig=y&expires=0",
  `/preview/${"a".repeat(300)}?expires=${"9".repeat(40)}&sig=${"s".repeat(3000)}`,
  "/index.html",
  "/?",
  "/#fragment",
  "*",
  "http://evil.example/",
];

const METHODS = ["POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "PROPFIND", "CONNECT", "FOO"];

const HEADER_CASES: [string, string[], string?][] = [
  ["oversized header (20 KB)", [`X-Big: ${"b".repeat(20_000)}`]],
  ["oversized cookie (60 KB)", [`Cookie: ${"c=1; ".repeat(12_000)}`]],
  ["many headers", Array.from({ length: 200 }, (_, i) => `X-H${i}: ${i}`)],
  ["Host with markup", [`Host: ${MARK}`]],
  ["Host with a path", ["Host: ../../etc"]],
  ["Host with spaces", ["Host: a b c"]],
  ["Host, twice", ["Host: one.example", "Host: two.example"]],
  ["empty Host", ["Host:"]],
  ["Host with a bad port", ["Host: broadsheet.example:99999999"]],
  ["forged X-Forwarded-Host", [`X-Forwarded-Host: evil.example`, `X-Forwarded-Proto: javascript`]],
  ["forged X-Forwarded-For", ["X-Forwarded-For: 127.0.0.1, <x-fuzz-7q>, ::1"]],
  ["forged X-Forwarded-Proto", ["X-Forwarded-Proto: gopher"]],
  ["X-Original-URL", ["X-Original-URL: /.env", "X-Rewrite-URL: /.env"]],
  [
    "x-middleware-subrequest",
    ["x-middleware-subrequest: middleware:middleware:middleware:middleware:middleware"],
  ],
  ["RSC request", ["RSC: 1", "Next-Router-State-Tree: %5B%22%22%5D"]],
  ["bad Next-Router-State-Tree", ["RSC: 1", `Next-Router-State-Tree: ${MARK}`]],
  ["Next-Router-Prefetch", ["Next-Router-Prefetch: 1", "RSC: 1"]],
  ["bad Range", ["Range: bytes=999999-1,-5,abc"]],
  ["Range: not a number", ["Range: bytes=abc"]],
  ["Range beyond the end", ["Range: bytes=999999-"]],
  ["Range backwards", ["Range: bytes=5-1"]],
  ["Range: empty suffix", ["Range: bytes=-0"]],
  ["Range with a huge number", [`Range: bytes=${"9".repeat(400)}-`]],
  ["If-Range with garbage", ["Range: bytes=0-9", `If-Range: ${MARK}`]],
  ["If-Range with a date", ["Range: bytes=0-9", "If-Range: Wed, 21 Oct 2015 07:28:00 GMT"]],
  ["many Ranges", [`Range: bytes=${Array.from({ length: 200 }, (_, i) => `${i}-${i}`).join(",")}`]],
  ["garbage If-None-Match", [`If-None-Match: ${MARK}, W/"x", *`]],
  ["garbage If-Modified-Since", ["If-Modified-Since: yesterday"]],
  ["odd Accept-Encoding", ["Accept-Encoding: br;q=2, gzip;q=-1, *;q=0, identity;q=0"]],
  ["Accept: markup", [`Accept: ${MARK}`]],
  ["header with NUL", ["X-Nul: a\u0000b"]],
  ["non-ASCII header", ["X-Unicode: caf\u00e9 \u00ff"]],
  ["a body on GET", ["Content-Length: 5"], "hello"],
  ["negative Content-Length", ["Content-Length: -1"]],
  [
    "Transfer-Encoding and Content-Length (smuggling)",
    ["Transfer-Encoding: chunked", "Content-Length: 4"],
    "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
  ],
  ["header folding", ["X-Fold: a", " folded"]],
  ["Expect: 100-continue", ["Expect: 100-continue"]],
];

/** publicFile: a hashed script, whose own text names modules (node_modules) and is no leak. */
export type FuzzCase = { name: string; request: string; injected: boolean; publicFile?: boolean };

const request = (method: string, target: string, headers: string[] = [], body = "") => {
  const hasHost = headers.some((h) => /^host:/i.test(h));
  const lines = [
    `${method} ${target} HTTP/1.1`,
    ...(hasHost ? [] : ["Host: 127.0.0.1"]),
    ...headers,
    "Connection: close",
  ];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
};

/** Every case, in a fixed order. `asset`: a hashed script's path, for Next's static files. */
export function fuzzCases(asset: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const page of PAGES) {
    for (const query of QUERIES) {
      cases.push({
        name: `GET ${page}?${query.slice(0, 60)}`,
        request: request("GET", `${page}?${query}`),
        injected: query.includes("x-fuzz") || query.includes("onload") || query.includes("%3Cx-fuzz"),
      });
    }
  }
  for (const path of PATHS) {
    cases.push({
      name: `GET ${path.slice(0, 80)}`,
      request: request("GET", path),
      injected: path.includes("x-fuzz"),
    });
    cases.push({ name: `HEAD ${path.slice(0, 80)}`, request: request("HEAD", path), injected: false });
  }
  for (const page of PAGES) {
    for (const method of METHODS) {
      const body = method === "GET" ? "" : `q=${encodeURIComponent(MARK)}`;
      cases.push({
        name: `${method} ${page}`,
        request: request(
          method,
          page,
          body ? [`Content-Length: ${body.length}`, "Content-Type: application/x-www-form-urlencoded"] : [],
          body,
        ),
        injected: true,
      });
    }
  }
  for (const page of ["/", firstStory.path, "/search", "/feed.xml", asset]) {
    for (const [label, headers, body] of HEADER_CASES) {
      for (const method of ["GET", "HEAD"]) {
        if (method === "HEAD" && body) continue;
        cases.push({
          name: `${label}: ${method} ${page}`,
          request: request(method, page, headers, body),
          injected: true,
          publicFile: page === asset,
        });
      }
    }
  }
  // Malformed request lines.
  for (const line of [
    "GET",
    "GET /",
    "GET / HTTP/9.9",
    "GET / HTTP/1.1 extra",
    "GET /\u0000 HTTP/1.1",
    "G\u00c9T / HTTP/1.1",
    `GET /${"a".repeat(70_000)} HTTP/1.1`,
    "\r\n\r\nGET / HTTP/1.1",
    "GET http://evil.example/ HTTP/1.1",
    "GET / HTTP/1.0",
  ]) {
    cases.push({
      name: `request line ${JSON.stringify(line.slice(0, 40))}`,
      request: `${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      injected: false,
    });
  }
  return cases;
}

const LEAKS: [string, RegExp][] = [
  ["a stack frame", /\n\s+at [^\n]*:\d+:\d+\)?/],
  ["a server path", /\/(work|root|home|tmp|usr|var)\/[\w.-]+\//],
  ["node_modules", /node_modules/],
  ["an errno", /\b(ENOENT|EACCES|EISDIR|ENOTDIR|ERR_[A-Z_]{4,})\b/],
  ["the server software", /<center>nginx|Server: nginx\/|X-Powered-By/i],
];

/** What is wrong with a response to a case, or nothing. */
export function judge(fuzzCase: FuzzCase, response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status !== null && response.status >= 500) problems.push(`answered ${response.status}`);
  // Only what stays true may be kept by a cache: never an error; a 404 for 2 s at most, never
  // stale, and by no browser.
  const cacheControl = /^cache-control:(.*)$/im.exec(response.head)?.[1] ?? "";
  const storable =
    /\bpublic\b|s-maxage|max-age=[1-9]/i.test(cacheControl) && !/no-store|private/i.test(cacheControl);
  const momentary =
    /s-maxage=[0-2]\b/.test(cacheControl) &&
    /(^|[ ,])max-age=0\b/.test(cacheControl) &&
    !/stale-/.test(cacheControl);
  const status = response.status ?? 0;
  if (status >= 400 && status !== 410 && storable && !(status === 404 && momentary)) {
    problems.push(`a ${status} that caches may keep (Cache-Control:${cacheControl})`);
  }
  // A 412 or 416 answered from a cached copy is a precondition or range checked against it, not
  // a stored error.
  if (
    /^x-cache:\s*(HIT|STALE)/im.test(response.head) &&
    status >= 400 &&
    ![404, 410, 412, 416].includes(status)
  ) {
    problems.push(`a ${status} served from nginx's cache`);
  }
  const text = `${response.head}\r\n\r\n${response.body}`;
  if (fuzzCase.injected && (text.includes(MARK) || text.includes(SCRIPT) || text.includes("<svg onload"))) {
    problems.push("reflected the injected markup unescaped");
  }
  const served = response.status !== null && response.status < 300; // 100 Continue, then the file
  const exposed = fuzzCase.publicFile && served ? response.head : text;
  for (const [what, pattern] of LEAKS) if (pattern.test(exposed)) problems.push(`shows ${what}`);
  return problems;
}
