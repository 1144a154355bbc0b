#!/usr/bin/env node
/**
 * Broadsheet's production server: Next's own request handler inside a plain Node HTTP server,
 * for what `next start` does not do. Each job is a module of its own in lib/server/:
 *
 *  - Every GET response is sent whole, in one write (whole-response.mjs), and compressed here,
 *    each version of a page once (versions.mjs, compress.mjs).
 *  - Conditional requests everywhere (conditional.mjs). Next answers If-None-Match with 304 for
 *    pages, but sends feeds, sitemaps, robots.txt and search results without an ETag. Those
 *    responses get a strong ETag made from their bytes, and a matching If-None-Match gets 304
 *    with no body. Byte ranges are answered here too, for every route.
 *  - The site's headers on every response; no x-nextjs-* headers (Next's cache and routing
 *    internals), and no error a cache may keep (site-headers.mjs).
 *  - 410 Gone for a story that was taken down (npm run takedown), and for its social image:
 *    Next renders the page that says so, and this sets the status, which Next cannot. The
 *    routes Next builds for itself answer as unknown addresses (routes.mjs).
 *  - Requests no page can answer are refused before Next, and headers that would steer it are
 *    dropped (refusals.mjs).
 *  - Preview links (/preview/<slug>?expires=…&sig=…) are checked here, and a valid one shows the
 *    draft through Next's draft mode, private and never stored (preview.mjs).
 *  - The content comes from the store that `npm run publish` writes (lib/store.mjs), watched
 *    while the server runs: publishing needs no restart.
 *  - One JSON line per request on stdout: time, process, method, path, status, bytes,
 *    milliseconds (request-log.mjs; every line is JSON: lib/server-log.mjs).
 *  - Connections bounded: slow, idle and half-sent ones closed, sockets capped (connections.mjs).
 *  - A process per core (SERVER_PROCESSES): supervisor.mjs.
 *  - Graceful shutdown on SIGTERM and SIGINT (shutdown.mjs): /healthz turns 503, the listening
 *    socket closes after SHUTDOWN_GRACE_MS (default 250 ms; new connections are then refused,
 *    so a load balancer moves on), requests in flight finish, idle keep-alive connections are
 *    closed, and the process exits 0. After SHUTDOWN_TIMEOUT_MS (default 10 s) whatever is left
 *    is cut and it exits 1.
 *
 * Usage: node server.mjs  (PORT, default 3000; HOSTNAME, default 0.0.0.0; NEXT_DIST_DIR).
 * It runs from the project folder after `npm run build`, or from a standalone folder (see
 * scripts/standalone.mjs), where Next's config comes from the build's required-server-files.
 */
import cluster from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { takeConditions } from "./lib/server/conditional.mjs";
import { SERVER_OPTIONS, limitConnections } from "./lib/server/connections.mjs";
import { dropClientControls, plainAnswers, refusal } from "./lib/server/refusals.mjs";
import { draftModeId, previewRoute, servePreview } from "./lib/server/preview.mjs";
import { logRequest } from "./lib/server/request-log.mjs";
import { UNKNOWN_PATH, answerGone, internalRoutes, takenDown } from "./lib/server/routes.mjs";
import { gracefulShutdown } from "./lib/server/shutdown.mjs";
import { hideInternals, setSiteHeaders, siteHeaders } from "./lib/server/site-headers.mjs";
import { processCount, supervise } from "./lib/server/supervisor.mjs";
import { versionCache } from "./lib/server/versions.mjs";
import { discardHeld, holdWholeResponse } from "./lib/server/whole-response.mjs";
import { captureOutput, log } from "./lib/server-log.mjs";
import { PREVIEW_HEADERS, previewSecret } from "./lib/preview.mjs";
import { contentStore } from "./lib/store.mjs";
import { HEALTH_PATH } from "./lib/url.mjs";

// Every line this process writes is JSON, whoever writes it (lib/server-log.mjs).
captureOutput();

// With more than one process, this one supervises the others and serves nothing itself.
const processes = processCount(process.env.SERVER_PROCESSES);
if (cluster.isPrimary && processes > 1) await supervise(processes);

const dir = import.meta.dirname;
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = "production";

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
const store = contentStore();

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const SITE_HEADERS = siteHeaders(buildConfig?.env?.SITE_URL ?? process.env.SITE_URL);
const answer = plainAnswers(SITE_HEADERS);
const INTERNAL_ROUTES = internalRoutes(path.join(dir, distDir));
const versions = versionCache(Number(process.env.GZIP_CACHE_MB ?? 64) * 1024 * 1024);
// Preview links (lib/server/preview.mjs): the build's draft-mode id, and a check that the shared
// secret, when set in the environment, is usable (if not, every link is a 404: say why now).
const DRAFT_MODE_ID = draftModeId(path.join(dir, distDir));
try {
  previewSecret(store.dir);
} catch (error) {
  log({ event: "preview-error", error: String(error) }, "stderr");
}

const server = createServer(SERVER_OPTIONS, (req, res) => {
  logRequest(req, res, performance.now());
  const refused = refusal(req);
  if (refused) return answer(res, ...refused);
  const pathname = String(req.url).split("?")[0];
  if (shutdown.closing && pathname === HEALTH_PATH) {
    return answer(res, 503, JSON.stringify({ status: "shutting down" }), {
      "Content-Type": "application/json",
      Connection: "close",
    });
  }
  // HEAD is answered as GET is, headers and all (Node sends no body for it): Next would leave
  // out the ETag, the encoding and the length of what GET sends.
  if (req.method === "HEAD") req.method = "GET";
  takeConditions(req);
  dropClientControls(req);
  // Routes Next builds for itself answer as any unknown address does.
  if (INTERNAL_ROUTES.has(pathname)) req.url = UNKNOWN_PATH;
  // A preview link: its signature checked before Next sees it; then the draft in Next's draft
  // mode, or the site's 404 page, always private and unstored (its writeHead wrapper is the
  // innermost, so its headers are the last word).
  const preview = previewRoute(String(req.url), { store, storeDir: store.dir });
  if (preview && "redirect" in preview) {
    return answer(res, 307, `This story is published: ${preview.redirect}`, {
      ...PREVIEW_HEADERS,
      Location: preview.redirect,
    });
  }
  if (preview) servePreview(req, res, preview, DRAFT_MODE_ID);
  // Each of these wraps writeHead, the last one outermost: answerGone sets the status Next
  // writes, holdWholeResponse holds the response, and hideInternals and closeAfter see the
  // head it writes in the end.
  hideInternals(res);
  shutdown.closeAfter(res);
  holdWholeResponse(req, res, versions);
  setSiteHeaders(res, pathname, SITE_HEADERS);
  if (takenDown(pathname, store)) answerGone(res);
  handle(req, res).catch((error) => {
    log({ event: "error", error: String(error?.stack ?? error).slice(0, 3000) }, "stderr");
    // Never half a page, and never cached: whatever was held goes, headers and all.
    if (res.headersSent) return res.destroy();
    discardHeld(res);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    answer(res, 500, "Internal Server Error");
  });
});
limitConnections(server);

const shutdown = gracefulShutdown(server, {
  graceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 250),
  timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000),
});
process.on("SIGTERM", () => shutdown.begin("SIGTERM"));
process.on("SIGINT", () => shutdown.begin("SIGINT"));

server.on("error", (error) => {
  // A port already in use, say: say so and stop, rather than linger without listening.
  log({ event: "error", error: String(error) }, "stderr");
  process.exit(1);
});
server.listen(port, hostname, () => {
  log({ event: "listening", hostname, port });
});
