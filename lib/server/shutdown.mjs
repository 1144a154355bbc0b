// @ts-check
/**
 * Graceful shutdown, for server.mjs: stop accepting; let every request already sent finish;
 * then exit 0.
 *
 * For SHUTDOWN_GRACE_MS (default 250) the port stays open: /healthz answers 503, so a balancer
 * that checks it stops sending, and whatever still arrives is served, each response closing
 * its connection. Closing the listening socket at once would reset connections the kernel had
 * completed but the busy process had not yet accepted, whose clients had already sent their
 * requests (the shutdown test saw this). Then the port closes, without Node's usual closing of
 * "idle" connections, which counts one whose request has arrived but not been read; idle
 * connections are closed every 500 ms instead, by which time anything sent has been read.
 * After SHUTDOWN_TIMEOUT_MS (default 10 s) whatever is left is cut and the process exits 1.
 */
import { log } from "../server-log.mjs";

/**
 * @param {import("node:http").Server} server
 * @param {{ graceMs: number, timeoutMs: number }} times SHUTDOWN_GRACE_MS, SHUTDOWN_TIMEOUT_MS
 */
export function gracefulShutdown(server, { graceMs, timeoutMs }) {
  let closing = false;
  return {
    /** Whether shutdown has begun. */
    get closing() {
      return closing;
    },

    /**
     * While shutting down, a response closes its connection behind it: marked when its head is
     * written, whenever the request arrived.
     *
     * @param {import("node:http").ServerResponse} res
     */
    closeAfter(res) {
      const writeHead = res.writeHead;
      /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
        if (closing) this.setHeader("Connection", "close");
        return /** @type {any} */ (writeHead).apply(this, args);
      };
    },

    /**
     * Begins shutting down (once), on a signal.
     *
     * @param {string} signal
     */
    begin(signal) {
      if (closing) return;
      closing = true;
      log({ event: "shutdown", signal });
      setTimeout(() => {
        const closeIdleConnections = server.closeIdleConnections;
        server.closeIdleConnections = () => {};
        server.close(() => process.exit(0));
        server.closeIdleConnections = closeIdleConnections;
        setInterval(() => server.closeIdleConnections(), 500).unref();
      }, graceMs);
      const timer = setTimeout(() => {
        server.closeAllConnections();
        process.exit(1);
      }, timeoutMs);
      timer.unref();
    },
  };
}
