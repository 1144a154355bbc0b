// @ts-check
/** The server's request log: one line per request, for the log collector (lib/server-log.mjs). */
import { clip, log } from "../server-log.mjs";

/**
 * Logs the request when its response is done, or its connection closes first: JSON, so no
 * field can break the line.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} started performance.now() when the request arrived
 */
export function logRequest(req, res, started) {
  const { method, url } = req; // as the client sent them
  res.on("close", () => {
    log({
      pid: process.pid, // which of the instance's processes served it
      method,
      // Cut, so that the line is always written whole (lib/server-log.mjs).
      path: clip(url ?? ""),
      status: res.statusCode,
      bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
      ms: +(performance.now() - started).toFixed(2),
      ...(res.writableFinished ? {} : { aborted: true }),
    });
  });
}
