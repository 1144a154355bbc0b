/**
 * A raw HTTP/1.1 client for hostile requests that fetch() and Playwright refuse to send
 * (malformed Host, invalid percent-encoding, bare NUL, TRACE): the request is written byte for
 * byte on a socket and the response read until the server closes it.
 */
import { connect } from "node:net";

export type RawResponse = {
  status: number | null;
  head: string;
  body: string;
  closedWithoutResponse: boolean;
};

export function rawRequest(port: number, request: string, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(request.slice(0, 120))}`));
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split === -1 ? text : text.slice(0, split);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({
        status: match ? Number(match[1]) : null,
        head,
        body: split === -1 ? "" : text.slice(split + 4),
        closedWithoutResponse: text.length === 0,
      });
    };
    socket.on("close", finish);
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A server may reset a connection that sent garbage: that is a refusal, not a failure.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") return;
      done = true;
      clearTimeout(timer);
      reject(error);
    });
    socket.write(request, "latin1");
  });
}
