// @ts-check
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
import { readFileSync } from "node:fs";

export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** The options the server is created with (node:http's createServer). */
export const SERVER_OPTIONS = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  connectionsCheckingInterval: 1000,
};

/**
 * The soft limit on open files, from /proc (1,024 when it cannot be read).
 *
 * @param {string} [limits] the text of /proc/self/limits
 */
export function openFilesLimit(limits) {
  try {
    const text = limits ?? readFileSync("/proc/self/limits", "utf8");
    const limit = /^Max open files\s+(\d+|unlimited)/m.exec(text)?.[1];
    return limit === undefined ? 1024 : limit === "unlimited" ? 1_048_576 : Number(limit);
  } catch {
    return 1024;
  }
}

/**
 * MAX_SOCKETS and SHED_SOCKETS for a limit on open files.
 *
 * @param {number} openFiles
 */
export function socketLimits(openFiles) {
  const maxSockets = Math.max(64, Math.floor(openFiles * 0.75));
  return { maxSockets, shedSockets: Math.floor(maxSockets * (2 / 3)) };
}

/**
 * Puts the limits above on a server (created with SERVER_OPTIONS). The defaults are the
 * server's; tests pass smaller ones.
 *
 * @param {import("node:http").Server} server
 * @param {{ maxSockets?: number, shedSockets?: number, headersTimeout?: number,
 *   keepAliveTimeout?: number, checkEvery?: number }} [limits]
 */
export function limitConnections(server, limits = {}) {
  const {
    maxSockets,
    shedSockets,
    headersTimeout = HEADERS_TIMEOUT_MS,
    keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS,
    checkEvery = 1000,
  } = { ...socketLimits(openFilesLimit()), ...limits };
  // nginx closes its idle connections to instances sooner (deploy/nginx.conf, keepalive_timeout),
  // so that it, not we, closes an idle one: never one it is about to send a request on.
  server.keepAliveTimeout = keepAliveTimeout;
  server.maxConnections = maxSockets;

  /**
   * Connections that have not yet delivered a request, by when they opened. Node's header
   * timeout does not cover a connection that sends nothing at all, and closeIdleConnections()
   * leaves it open: these are closed here, after HEADERS_TIMEOUT_MS, or first when sockets run
   * short.
   *
   * @type {Map<import("node:net").Socket, number>}
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
    if (sockets > shedSockets) {
      // Down to half the threshold, oldest first, sparing this one; then keep-alive connections
      // between requests.
      let excess = sockets - Math.floor(shedSockets / 2);
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
    const before = Date.now() - headersTimeout;
    for (const [socket, since] of waiting) {
      if (since > before) break; // in the order they opened
      socket.destroy();
    }
  }, checkEvery).unref();
}
