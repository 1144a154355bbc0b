#!/usr/bin/env node
/**
 * Broadsheet's production server: Next's own request handler inside a plain Node HTTP server,
 * for what `next start` does not do.
 *
 *  - Every GET response is sent whole, in one write (see holdWholeResponse), and compressed
 *    here, each version of a page once (see compress).
 *  - Conditional requests everywhere. Next answers If-None-Match with 304 for pages, but sends
 *    feeds, sitemaps, robots.txt and search results without an ETag. Those responses get a
 *    strong ETag made from their bytes, and a matching If-None-Match gets 304 with no body.
 *  - No x-nextjs-* headers (Next's cache and routing internals) in responses.
 *  - 410 Gone for a story that was taken down (npm run takedown), and for its social image:
 *    Next renders the page that says so, and this sets the status, which Next cannot.
 *  - The content comes from the store that `npm run publish` writes (lib/store.mjs), watched
 *    while the server runs: publishing needs no restart.
 *  - One JSON line per request on stdout: time, process, method, path, status, bytes,
 *    milliseconds.
 *  - A process per core (SERVER_PROCESSES): see supervise() below.
 *  - Graceful shutdown on SIGTERM and SIGINT: /healthz turns 503, the listening socket closes
 *    after SHUTDOWN_GRACE_MS (default 250 ms; new connections are then refused, so a load
 *    balancer moves on), requests in flight finish, idle keep-alive connections are closed, and
 *    the process exits 0. After SHUTDOWN_TIMEOUT_MS (default 10 s) whatever is left is cut and
 *    it exits 1.
 *
 * Usage: node server.mjs  (PORT, default 3000; HOSTNAME, default 0.0.0.0; NEXT_DIST_DIR).
 * It runs from the project folder after `npm run build`, or from a standalone folder (see
 * scripts/standalone.mjs), where Next's config comes from the build's required-server-files.
 */
import cluster from "node:cluster";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import {
  NOT_FOUND_CACHE_CONTROL,
  PAGE_CACHE_CONTROL,
  PAGE_PATHS,
  securityHeaders,
} from "./lib/http-headers.mjs";
import { UNSATISFIABLE, byteRange } from "./lib/http-range.mjs";
import { captureOutput, clip, log } from "./lib/server-log.mjs";
import { contentStore } from "./lib/store.mjs";

/**
 * One process per core (SERVER_PROCESSES, default: the cores this process may use), as nginx
 * runs one worker per core: a Node process serves on one core. With more than one, this
 * process is the supervisor and serves nothing itself. Its workers, each a whole server (this
 * file) with its own caches, all reading the same store, share one listening socket, and the
 * kernel gives each new connection to a worker that is free to take it. (Not node:cluster's
 * default round robin, where the supervisor hands out connections: one handed to a worker that
 * has just died waits forever.) A signal to the supervisor reaches every worker, which shuts down as described above;
 * the supervisor exits when they all have, 0 if they all exited 0. A worker that dies on its
 * own is replaced; one that fails before it listens (a port in use, a missing store) stops
 * the server with its message. A worker whose supervisor dies exits at once (node:cluster).
 */
// Every line this process writes is JSON, whoever writes it (lib/server-log.mjs).
captureOutput();

const PROCESSES = Number(process.env.SERVER_PROCESSES ?? os.availableParallelism());
if (!Number.isInteger(PROCESSES) || PROCESSES < 1) {
  log(
    {
      event: "error",
      error: `SERVER_PROCESSES must be a whole number, 1 or more (it is "${clip(String(process.env.SERVER_PROCESSES))}")`,
    },
    "stderr",
  );
  process.exit(1);
}
if (cluster.isPrimary && PROCESSES > 1) await supervise(PROCESSES);

/** The supervisor's work, until it exits: it never returns. */
function supervise(count) {
  // A young generation of 32 MB rather than 16: a page request allocates a few hundred KB, and
  // fewer, larger scavenges gave from nothing to 8 % more requests per second in A/B runs.
  const flags = process.execArgv.some((flag) => flag.startsWith("--max-semi-space-size"))
    ? []
    : ["--max-semi-space-size=32"];
  // Fixed by the first setupPrimary() or fork(), so set first.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...flags] });
  let stopping = false;
  let failed = false;
  cluster.on("listening", (worker) => {
    worker.listened = true;
  });
  cluster.on("exit", (worker, code, signal) => {
    const left = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      // Exit 0 only if every worker that was serving shut down cleanly (in time,
      // SHUTDOWN_TIMEOUT_MS); one still starting simply stops.
      if (worker.listened && code !== 0) failed = true;
      if (left === 0) process.exit(failed ? 1 : 0);
    } else if (!worker.listened) {
      // It could not start (its own error is already on stderr): neither can the others.
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      if (left === 0) process.exit(code || 1);
      failed = true;
    } else {
      log({ event: "worker-exit", pid: worker.process.pid, code, signal, restarting: true });
      cluster.fork();
    }
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  for (let i = 0; i < count; i++) cluster.fork();
  return new Promise(() => {});
}

const dir = import.meta.dirname;
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
const shutdownGrace = Number(process.env.SHUTDOWN_GRACE_MS ?? 250);
process.env.NODE_ENV = "production";

// Serve with the config the build was made with, resolved and saved beside it, as the server.js
// that `output: "standalone"` writes does: a standalone folder has no next.config.ts, and in the
// project an edited next.config.ts must not half-apply to an older build.
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const requiredFiles = path.join(dir, distDir, "required-server-files.json");
const buildConfig = existsSync(requiredFiles) ? JSON.parse(readFileSync(requiredFiles, "utf8")).config : null;
if (buildConfig) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(buildConfig);
const { default: next } = await import("next");

// The published content, loaded now so that a missing store stops the server with a clear
// message rather than failing every request.
contentStore();

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

/** A body's strong validator: the same bytes, the same tag. */
const etagOf = (body) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // Weak comparison, as RFC 9110 asks for If-None-Match.
  const bare = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/** Statuses a shared cache may keep, when the response says it may. */
const STORABLE = new Set([200, 203, 204, 206, 301, 304, 308, 410]);

/** Next's x-nextjs-* headers tell clients about its cache and routing: nothing they need. */
function hideInternals(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    for (const name of this.getHeaderNames()) if (name.startsWith("x-nextjs-")) this.removeHeader(name);
    // Only an answer that stays true may be kept by a cache: never an error, and a 404 only for
    // a moment (a story may be published at that address any time). Next marks some of its own
    // 404s and error pages public, for five minutes.
    const status = typeof args[0] === "number" ? args[0] : this.statusCode;
    if (
      !STORABLE.has(status) &&
      /\bpublic\b|s-maxage|max-age=[1-9]/.test(String(this.getHeader("cache-control") ?? ""))
    ) {
      this.setHeader("Cache-Control", status === 404 ? NOT_FOUND_CACHE_CONTROL : "no-store");
    }
    // While shutting down, a response closes its connection behind it (see shutdown()).
    if (shuttingDown) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  };
}

/**
 * The headers of every response (lib/http-headers.mjs), set before Next answers, as Next's own
 * headers() rules would be, but without matching rules per request. Whether the site is served
 * over HTTPS is fixed by the build, as its public address is (next.config.ts, env).
 */
const SITE_HEADERS = securityHeaders({
  https: String(buildConfig?.env?.SITE_URL ?? process.env.SITE_URL ?? "").startsWith("https://"),
  production: true,
});
const PAGES = new RegExp(`^${PAGE_PATHS}$`);

function setSiteHeaders(res, pathname) {
  for (const [name, value] of SITE_HEADERS) res.setHeader(name, value);
  if (PAGES.test(pathname)) res.setHeader("Cache-Control", PAGE_CACHE_CONTROL);
}

/**
 * The routes Next builds for its own use (its not-found and error pages, and the Pages Router's
 * /404 and /500), read from the build's manifests, and /index, Next's name for the home page:
 * served as they are, they answered 404s and a 200 that Next marked public for five minutes.
 * Each is answered as UNKNOWN_PATH, an address no route serves.
 */
function internalRoutes() {
  const manifest = (file) => {
    try {
      return JSON.parse(readFileSync(path.join(dir, distDir, file), "utf8"));
    } catch {
      return {};
    }
  };
  const appRoutes = Object.values(manifest("app-path-routes-manifest.json")).filter((route) =>
    String(route)
      .split("/")
      .some((segment) => segment.startsWith("_")),
  );
  return new Set(["/index", ...appRoutes, ...Object.keys(manifest("server/pages-manifest.json"))]);
}
const INTERNAL_ROUTES = internalRoutes();
const UNKNOWN_PATH = "/_unknown";

/** A taken-down story's page and social image answer 410 Gone. */
const STORY_PATH = /^\/stories\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/social\.png)?$/;

function takenDown(pathname) {
  const match = STORY_PATH.exec(pathname);
  return match !== null && contentStore().current().takedowns.has(match[1]);
}

function answerGone(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    return writeHead.call(this, status === 200 || status === 404 ? 410 : status, ...rest);
  };
}

/**
 * Holds back the body of every GET response and sends it whole, in one write with its
 * Content-Length, and gives a cacheable 200 that Next sent without a validator a strong ETag,
 * answering a matching If-None-Match with 304.
 *
 * Sending each response whole also serves failover: a process killed mid-response would leave a
 * proxy holding half a body it can no longer retry elsewhere; killed before its one write, the
 * proxy sees no response at all and retries the request on another instance.
 */
const DISCARD = Symbol("discard held body");

function holdWholeResponse(req, res) {
  if (req.method !== "GET") return;
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let held = null;
  let pending = null;
  // For the error path: forget what was held, so a 500 never carries half a page.
  res[DISCARD] = () => {
    held = null;
    pending = null;
  };

  res.writeHead = function (status, ...rest) {
    // Already holding: Next may flush headers more than once (flushHeaders, then end).
    if (held !== null) return this;
    const headers = rest.find((arg) => arg && typeof arg === "object");
    if (Array.isArray(headers)) {
      // The raw form: [name, value, name, value, ...].
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const [key, value] of Object.entries(headers)) this.setHeader(key, value);
    }
    this.statusCode = status;
    if (status >= 200 && status !== 204 && status !== 304) {
      held = [];
      pending = typeof rest[0] === "string" ? rest[0] : undefined;
      return this;
    }
    return writeHead.call(this, status, ...rest.filter((arg) => typeof arg === "string"));
  };
  res.write = function (chunk, encoding, callback) {
    if (!this.headersSent && held === null) this.writeHead(this.statusCode);
    if (held === null) return write.call(this, chunk, encoding, callback);
    if (chunk != null) held.push(chunkOf(chunk, encoding));
    if (typeof callback === "function") callback();
    else if (typeof encoding === "function") encoding();
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (!this.headersSent && held === null) this.writeHead(this.statusCode);
    if (held === null) return end.call(this, chunk, encoding, callback);
    if (chunk != null) held.push(chunkOf(chunk, encoding));
    // Next sends a page from its cache as one string, the same string on every request: kept
    // as it is, it needs no copying into a buffer and no hashing to find its version below.
    const body =
      held.length === 1 && typeof held[0] === "string"
        ? held[0]
        : Buffer.concat(held.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
    held = null;
    const status = this.statusCode;
    const cacheable = /\bpublic\b/.test(String(this.getHeader("cache-control") ?? ""));
    this.removeHeader("transfer-encoding");
    // A cacheable 200 is a version of a page: its tags and gzipped bytes are worked out once
    // (see versionOf). Next's own ETag, a hash computed in JavaScript over the page on every
    // request, took a tenth of an instance's CPU under load: next.config.ts turns it off.
    if (status !== 200 || !cacheable) {
      const payload = compress(req, this, body);
      this.setHeader("Content-Length", Buffer.byteLength(payload));
      writeHead.call(this, status, ...(pending ? [pending] : []));
      return end.call(this, payload, callback);
    }
    const version = versionOf(body);
    const type = String(this.getHeader("content-type") ?? "");
    const compressible =
      version.length >= 256 && !this.getHeader("content-encoding") && COMPRESSIBLE.test(type);
    if (compressible) varyOnEncoding(this);
    const gzip = compressible && acceptsGzip(req);
    // Each encoding is its own representation with its own tag: a download resumed with
    // If-Range never joins gzip bytes to plain ones.
    const etag = gzip ? version.gzipEtag : version.etag;
    this.setHeader("ETag", etag);
    if (matches(req.headers["if-none-match"], etag)) {
      for (const name of ["content-length", "content-type", "content-encoding"]) this.removeHeader(name);
      writeHead.call(this, 304);
      return end.call(this, callback);
    }
    const range = req[RANGE];
    if (range && (range.ifRange === undefined || range.ifRange === version.etag)) {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const wanted = byteRange(range.header, bytes.length);
      if (wanted === UNSATISFIABLE) {
        for (const name of ["etag", "content-type", "content-encoding"]) this.removeHeader(name);
        this.setHeader("Content-Range", `bytes */${bytes.length}`);
        this.setHeader("Content-Length", 0);
        writeHead.call(this, 416);
        return end.call(this, callback);
      }
      if (wanted) {
        // A range of the plain bytes, whatever the client accepts: ranges of gzip are no one's.
        const part = bytes.subarray(wanted.start, wanted.end + 1);
        this.removeHeader("content-encoding");
        this.setHeader("ETag", version.etag);
        this.setHeader("Content-Range", `bytes ${wanted.start}-${wanted.end}/${bytes.length}`);
        this.setHeader("Content-Length", part.length);
        writeHead.call(this, 206);
        return end.call(this, part, callback);
      }
      // Not a range we serve (malformed, or several): the whole body, as RFC 9110 allows.
    }
    if (gzip) this.setHeader("Content-Encoding", "gzip");
    const payload = gzip ? gzipOnce(version, body) : body;
    this.setHeader("Content-Length", gzip ? payload.length : version.length);
    writeHead.call(this, status, ...(pending ? [pending] : []));
    return end.call(this, payload, callback);
  };
}

/**
 * Range requests are answered here, from the whole body, for every route: Next never sees a
 * Range header (its static file server answered a malformed or unsatisfiable one with 500).
 * Set aside on the request by takeRange(), before Next runs.
 */
const RANGE = Symbol("range");

function takeRange(req) {
  const header = req.headers.range;
  const ifRange = req.headers["if-range"];
  delete req.headers.range;
  delete req.headers["if-range"];
  if (header !== undefined) req[RANGE] = { header: String(header), ifRange };
}

/**
 * Headers that would let a client steer Next rather than ask for a page: cookies (the site sets
 * none and reads none; Next's draft-mode cookie, __prerender_bypass, made it render afresh and
 * answer with Set-Cookie, which no cache stores, so any client could skip every cache) and the
 * headers Next uses between its own parts (x-middleware-subrequest, x-prerender-revalidate,
 * x-invoke-*, x-now-route-matches, x-matched-path). Next's router headers (RSC, Next-Router-*)
 * stay: they ask for another representation, and Vary says so.
 */
const CLIENT_CONTROLS = /^(cookie|x-middleware-|x-prerender-|x-invoke-|x-now-|x-matched-path|x-nextjs-|next-resume)/;

function dropClientControls(req) {
  for (const name of Object.keys(req.headers)) if (CLIENT_CONTROLS.test(name)) delete req.headers[name];
}

/** A written chunk, kept as a string when it is one (utf8), else as a Buffer. */
function chunkOf(chunk, encoding) {
  if (typeof chunk === "string" && (typeof encoding !== "string" || /^utf-?8$/i.test(encoding))) return chunk;
  return Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined);
}

/**
 * Versions of cacheable pages: for each body, its ETag, its length in bytes and, once a client
 * has asked for it, its gzipped bytes (Next's own compression is off: next.config.ts, compress:
 * false). A page's bytes are the same on every request until the content changes, so each
 * version is hashed and compressed once rather than on every request. Keyed by the body itself
 * when Next sent a string (the lookup of the very string Next sent last time compares no
 * characters), by its hash otherwise; an LRU of at most GZIP_CACHE_MB (default 64). The same
 * body under many URLs (query strings) is one entry. A response that is not a cacheable 200 is
 * compressed each time; a partial one (206) never.
 */
const versions = new Map();
const versionsLimit = Number(process.env.GZIP_CACHE_MB ?? 64) * 1024 * 1024;
let versionsBytes = 0;

function versionOf(body) {
  const key = typeof body === "string" ? body : `\0${etagOf(body)}`;
  let version = versions.get(key);
  if (version) {
    versions.delete(key); // most recently used goes last
  } else {
    const length = Buffer.byteLength(body);
    // What the entry holds: the string it is keyed by (a hash is small), and later the gzip.
    const etag = etagOf(body);
    version = {
      etag,
      gzipEtag: `${etag.slice(0, -1)}-gz"`,
      length,
      gzip: null,
      bytes: typeof body === "string" ? length : 64,
    };
    grow(version.bytes);
  }
  versions.set(key, version);
  return version;
}

function gzipOnce(version, body) {
  if (!version.gzip) {
    version.gzip = gzipSync(body, { level: 6 });
    version.bytes += version.gzip.length;
    grow(version.gzip.length);
  }
  return version.gzip;
}

/** Counts bytes in, and drops the least recently used versions beyond the limit. */
function grow(bytes) {
  versionsBytes += bytes;
  for (const [key, oldest] of versions) {
    if (versionsBytes <= versionsLimit) break;
    versions.delete(key);
    versionsBytes -= oldest.bytes;
  }
}

const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json)|image\/svg\+xml)/;

function acceptsGzip(req) {
  const accept = String(req.headers["accept-encoding"] ?? "");
  return (
    /(^|,)\s*gzip\s*(,|;|$)/i.test(accept) && !/(^|,)\s*gzip\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)/i.test(accept)
  );
}

function varyOnEncoding(res) {
  const vary = String(res.getHeader("vary") ?? "");
  if (!/\baccept-encoding\b/i.test(vary)) {
    res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
}

/** Compression of a response that is not a version of a page: each time. */
function compress(req, res, body) {
  const type = String(res.getHeader("content-type") ?? "");
  if (Buffer.byteLength(body) < 256 || res.getHeader("content-encoding") || !COMPRESSIBLE.test(type)) {
    return body;
  }
  // Only a whole body: a partial one (206) is compressed by nobody.
  if (res.statusCode !== 200 || res.getHeader("content-range")) return body;
  varyOnEncoding(res);
  if (!acceptsGzip(req)) return body;
  res.setHeader("Content-Encoding", "gzip");
  return gzipSync(body, { level: 6 });
}

/**
 * Headers for the few answers this file gives itself, without Next: the site's own, with a
 * policy that allows nothing at all (they are plain text) and no caching.
 */
const OWN_HEADERS = {
  ...Object.fromEntries(SITE_HEADERS),
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy":
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

function answer(res, status, text, headers = {}) {
  if (!text) {
    // No body (204): no Content-Type or Content-Length either.
    const all = { ...OWN_HEADERS, ...headers };
    delete all["Content-Type"];
    res.writeHead(status, all);
    return res.end();
  }
  const body = `${text}\n`;
  res.writeHead(status, { ...OWN_HEADERS, ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Requests no page can answer, refused before they reach Next: a site of read-only pages takes
 * GET and HEAD (OPTIONS says so), and a path must decode to text. Next answers some of these with
 * a 500 of its own (a TRACE to a route handler, a path such as /%zz).
 */
function refusal(req) {
  if (req.method === "OPTIONS") return [204, "", { Allow: "GET, HEAD, OPTIONS" }];
  if (req.method !== "GET" && req.method !== "HEAD") {
    return [
      405,
      "Method not allowed: this site only serves pages (GET, HEAD).",
      { Allow: "GET, HEAD, OPTIONS" },
    ];
  }
  if (!req.url.startsWith("/")) return [400, "Bad request: the target must be a path."];
  const pathname = req.url.split("?")[0];
  try {
    decodeURIComponent(pathname);
  } catch {
    return [400, "Bad request: the path is not valid percent-encoded UTF-8."];
  }
  return null;
}

/** One line per request, for the log collector: JSON, so no field can break the line. */
function logRequest(req, res, started) {
  const { method, url } = req; // as the client sent them
  res.on("close", () => {
    log({
      pid: process.pid, // which of the instance's processes served it
      method,
      // Cut, so that the line is always written whole (lib/server-log.mjs).
      path: clip(url),
      status: res.statusCode,
      bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
      ms: +(performance.now() - started).toFixed(2),
      ...(res.writableFinished ? {} : { aborted: true }),
    });
  });
}

let shuttingDown = false;
/**
 * Connections, for an instance exposed directly as much as behind nginx. Without limits, idle,
 * trickling or half-sent connections were closed only after about 82 s, and 1,100 of them used
 * up a 1,024 file-descriptor limit, so that every new request failed.
 *  - A request's headers must arrive within HEADERS_TIMEOUT_MS of its connection (or of the
 *    end of the previous request), the whole request within REQUEST_TIMEOUT_MS; a connection
 *    idle between requests is closed after KEEP_ALIVE_TIMEOUT_MS. Checked every second.
 *  - Sockets are capped below the process's file-descriptor limit (MAX_SOCKETS: three
 *    quarters of it, the rest for files, the store and Redis); beyond SHED_SOCKETS (two thirds
 *    of that) a new connection first closes the oldest connections that have not delivered a
 *    request, and every keep-alive connection between requests, so a flood of idle connections
 *    cannot keep out a health check or a reader.
 */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const OPEN_FILES = openFilesLimit();
const MAX_SOCKETS = Math.max(64, Math.floor(OPEN_FILES * 0.75));
const SHED_SOCKETS = Math.floor(MAX_SOCKETS * (2 / 3));

/** The soft limit on open files, from /proc (1,024 when it cannot be read). */
function openFilesLimit() {
  try {
    const limit = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync("/proc/self/limits", "utf8"))?.[1];
    return limit === undefined ? 1024 : limit === "unlimited" ? 1_048_576 : Number(limit);
  } catch {
    return 1024;
  }
}

const server = createServer(
  {
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: 1000,
  },
  (req, res) => {
    const started = performance.now();
    logRequest(req, res, started);
    const refused = refusal(req);
    if (refused) return answer(res, ...refused);
    const pathname = req.url.split("?")[0];
    if (shuttingDown && pathname === "/healthz") {
      return answer(res, 503, JSON.stringify({ status: "shutting down" }), {
        "Content-Type": "application/json",
        Connection: "close",
      });
    }
    // HEAD is answered as GET is, headers and all (Node sends no body for it): Next would leave
    // out the ETag, the encoding and the length of what GET sends.
    if (req.method === "HEAD") req.method = "GET";
    takeRange(req);
    dropClientControls(req);
    // Routes Next builds for itself answer as any unknown address does.
    if (INTERNAL_ROUTES.has(pathname)) req.url = UNKNOWN_PATH;
    hideInternals(res);
    holdWholeResponse(req, res);
    setSiteHeaders(res, pathname);
    if (takenDown(pathname)) answerGone(res);
    handle(req, res).catch((error) => {
      log({ event: "error", error: String(error?.stack ?? error).slice(0, 3000) }, "stderr");
      // Never half a page, and never cached: whatever was held goes, headers and all.
      if (res.headersSent) return res.destroy();
      res[DISCARD]?.();
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      answer(res, 500, "Internal Server Error");
    });
  },
);
// nginx closes its idle connections to instances sooner (deploy/nginx.conf, keepalive_timeout),
// so that it, not we, closes an idle one: never one it is about to send a request on.
server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
server.maxConnections = MAX_SOCKETS;

/**
 * Connections that have not yet delivered a request, by when they opened. Node's header timeout
 * does not cover a connection that sends nothing at all, and closeIdleConnections() leaves it
 * open: these are closed here, after HEADERS_TIMEOUT_MS, or first when sockets run short.
 */
const waiting = new Map();
let sockets = 0;
server.on("connection", (socket) => {
  sockets += 1;
  waiting.set(socket, Date.now());
  socket.once("close", () => {
    sockets -= 1;
    waiting.delete(socket);
  });
  if (sockets > SHED_SOCKETS) {
    // Down to half the threshold, oldest first, sparing this one; then keep-alive connections
    // between requests.
    let excess = sockets - Math.floor(SHED_SOCKETS / 2);
    for (const [other] of waiting) {
      if (excess <= 0 || other === socket) break;
      other.destroy();
      excess -= 1;
    }
    server.closeIdleConnections();
  }
});
server.on("request", (req) => waiting.delete(req.socket));
setInterval(() => {
  const before = Date.now() - HEADERS_TIMEOUT_MS;
  for (const [socket, since] of waiting) {
    if (since > before) break; // in the order they opened
    socket.destroy();
  }
}, 1000).unref();

server.on("error", (error) => {
  // A port already in use, say: say so and stop, rather than linger without listening.
  log({ event: "error", error: String(error) }, "stderr");
  process.exit(1);
});
server.listen(port, hostname, () => {
  log({ event: "listening", hostname, port });
});

/**
 * Stop accepting; let every request already sent finish; then exit 0.
 *
 * For SHUTDOWN_GRACE_MS (default 250) the port stays open: /healthz answers 503, so a balancer
 * that checks it stops sending, and whatever still arrives is served, each response closing
 * its connection. Closing the listening socket at once would reset connections the kernel had
 * completed but the busy process had not yet accepted, whose clients had already sent their
 * requests (the shutdown test saw this). Then the port closes, without Node's usual closing of
 * "idle" connections, which counts one whose request has arrived but not been read; idle
 * connections are closed every 500 ms instead, by which time anything sent has been read.
 */
function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  log({ event: "shutdown", signal });
  setTimeout(() => {
    const closeIdleConnections = server.closeIdleConnections;
    server.closeIdleConnections = () => {};
    server.close(() => process.exit(0));
    server.closeIdleConnections = closeIdleConnections;
    setInterval(() => server.closeIdleConnections(), 500).unref();
  }, shutdownGrace);
  const timer = setTimeout(() => {
    server.closeAllConnections();
    process.exit(1);
  }, shutdownTimeout);
  timer.unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
