import type { IncomingMessage, ServerResponse } from "node:http";
import { connect } from "node:net";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { takeConditions } from "./conditional.mjs";
import { send, sleep, withServer } from "./testing";
import { versionCache } from "./versions.mjs";
import { discardHeld, holdWholeResponse } from "./whole-response.mjs";

const PAGE = "<!doctype html><title>Grüße</title>" + "<p>A paragraph of the story.</p>\n".repeat(60);
const PUBLIC = "public, max-age=60, s-maxage=2";

/**
 * What a route does, standing in for Next's handler: each writes its response the ways Next
 * does (writeHead with headers, writes, end; a pause between parts).
 */
const routes: Record<string, (res: ServerResponse) => Promise<void> | void> = {
  // A cached page: one string, public.
  "/page": (res) => {
    res.setHeader("Cache-Control", PUBLIC);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(PAGE);
  },
  // A page streamed in parts, with pauses: the client must see none of it until the end.
  "/streamed": async (res) => {
    res.writeHead(200, "Fine", [
      "Content-Type",
      "text/html; charset=utf-8",
      "Cache-Control",
      PUBLIC,
      "Transfer-Encoding",
      "chunked",
    ]);
    res.flushHeaders();
    res.write(PAGE.slice(0, 100));
    await sleep(300);
    res.write(Buffer.from(PAGE.slice(100, 200)));
    res.write(Buffer.from(PAGE.slice(200, 300), "utf8").toString("latin1"), "latin1");
    await sleep(100);
    res.end(PAGE.slice(300));
  },
  // Search results: not public, so no ETag; compressed each time.
  "/private": (res) => {
    res.setHeader("Cache-Control", "private, no-cache");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.write(PAGE);
    res.end();
  },
  // An image, public: tagged, never compressed.
  "/image": (res) => {
    res.writeHead(200, { "Content-Type": "image/png", "Cache-Control": PUBLIC });
    res.end(Buffer.alloc(5_000, 7));
  },
  "/missing": (res) => {
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": PUBLIC });
    res.end(PAGE);
  },
  "/not-modified": (res) => {
    res.writeHead(304, { ETag: '"next"' });
    res.end();
  },
  // Fails half way: the server forgets what was held and answers 500 itself.
  "/fails": async (res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": PUBLIC });
    res.write(PAGE.slice(0, 500));
    await sleep(20);
    discardHeld(res);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(500, { "Content-Type": "text/plain", "Cache-Control": "no-store" });
    res.end("Internal Server Error\n");
  },
};

const versions = versionCache(1024 * 1024);
const app = withServer((req: IncomingMessage, res: ServerResponse) => {
  // As server.mjs does before Next runs.
  if (req.method === "HEAD") req.method = "GET";
  takeConditions(req);
  holdWholeResponse(req, res, versions);
  if (req.url === "/post") {
    res.setHeader("Content-Type", "text/plain");
    res.write("streamed ");
    setTimeout(() => res.end("as it comes"), 20);
    return;
  }
  void routes[req.url!.split("?")[0]](res);
});
const gzip = { "Accept-Encoding": "gzip" };

describe("holdWholeResponse", () => {
  it("sends nothing until the whole body is there, then all of it with its length", async () => {
    const started = Date.now();
    const reply = await send(`${app.url}/streamed`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(reply.status).toBe(200);
    expect(reply.message).toBe("Fine");
    expect(reply.headers["transfer-encoding"]).toBeUndefined();
    expect(reply.headers["content-length"]).toBe(String(Buffer.byteLength(PAGE)));
    expect(reply.body.toString()).toBe(PAGE);
    // The head comes with the body, not before it: on the wire, nothing until the end.
    const socket = connect(app.port, "127.0.0.1", () =>
      socket.write("GET /streamed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    );
    let wire = "";
    socket.on("data", (chunk: Buffer) => (wire += chunk.toString()));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    await sleep(250);
    expect(wire).toBe("");
    await closed;
    expect(wire).toMatch(/^HTTP\/1\.1 200 Fine\r\n[^]*\r\n\r\n<!doctype html>/);
  });

  it("tags a public 200 and answers a matching If-None-Match with 304, no body", async () => {
    const first = await send(`${app.url}/page`);
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.body.toString()).toBe(PAGE);
    const again = await send(`${app.url}/page`, { headers: { "If-None-Match": first.headers.etag! } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers["content-length"]).toBeUndefined();
    expect(again.headers["content-type"]).toBeUndefined();
    // A page streamed in parts is the same version: the same tag.
    expect((await send(`${app.url}/streamed`)).headers.etag).toBe(first.headers.etag);
    expect((await send(`${app.url}/page`, { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
  });

  it("gzips a page for a client that takes it, with a tag of its own, and 304 for that tag", async () => {
    const plain = await send(`${app.url}/page`);
    const zipped = await send(`${app.url}/page`, { headers: gzip });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toBe(PAGE);
    expect(zipped.headers["content-length"]).toBe(String(zipped.body.length));
    expect(zipped.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-gz"`);
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(plain.headers.vary).toBe("Accept-Encoding");
    const notModified = await send(`${app.url}/page`, {
      headers: { ...gzip, "If-None-Match": zipped.headers.etag! },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
    // The gzip tag does not validate the plain bytes.
    expect(
      (await send(`${app.url}/page`, { headers: { "If-None-Match": zipped.headers.etag! } })).status,
    ).toBe(200);
  });

  it("answers HEAD with GET's headers and no body", async () => {
    for (const headers of [{}, gzip]) {
      const get = await send(`${app.url}/page`, { headers });
      const head = await send(`${app.url}/page`, { method: "HEAD", headers });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ["etag", "content-length", "content-encoding", "content-type", "vary"]) {
        expect(head.headers[name], name).toBe(get.headers[name]);
      }
    }
  });

  it("serves one range of the plain bytes, whatever the client accepts", async () => {
    const plain = await send(`${app.url}/page`);
    const part = await send(`${app.url}/page`, { headers: { ...gzip, Range: "bytes=10-19" } });
    expect(part.status).toBe(206);
    expect(part.headers["content-encoding"]).toBeUndefined();
    expect(part.headers["content-range"]).toBe(`bytes 10-19/${plain.body.length}`);
    expect(part.headers.etag).toBe(plain.headers.etag);
    expect(part.body.equals(plain.body.subarray(10, 20))).toBe(true);
    // From the end, across a character of two bytes: bytes, not characters.
    const tail = await send(`${app.url}/page`, { headers: { Range: "bytes=-7" } });
    expect(tail.body.equals(plain.body.subarray(-7))).toBe(true);
  });

  it("honours If-Range: the plain tag resumes, any other gets the whole response", async () => {
    const plain = await send(`${app.url}/page`);
    const zipped = await send(`${app.url}/page`, { headers: gzip });
    const resumed = await send(`${app.url}/page`, {
      headers: { ...gzip, Range: "bytes=100-", "If-Range": plain.headers.etag! },
    });
    expect(resumed.status).toBe(206);
    expect(resumed.body.equals(plain.body.subarray(100))).toBe(true);
    const restarted = await send(`${app.url}/page`, {
      headers: { ...gzip, Range: "bytes=100-", "If-Range": zipped.headers.etag! },
    });
    expect(restarted.status).toBe(200);
    expect(restarted.body.equals(zipped.body)).toBe(true);
  });

  it("answers a range beyond the end with 416, and ignores a malformed one", async () => {
    const plain = await send(`${app.url}/page`);
    const beyond = await send(`${app.url}/page`, { headers: { Range: "bytes=99999-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers["content-range"]).toBe(`bytes */${plain.body.length}`);
    expect(beyond.headers["content-length"]).toBe("0");
    expect(beyond.headers.etag).toBeUndefined();
    expect(beyond.headers["content-type"]).toBeUndefined();
    for (const range of ["bytes=abc", "bytes=0-1,5-6", "items=0-1"]) {
      const whole = await send(`${app.url}/page`, { headers: { Range: range } });
      expect(whole.status, range).toBe(200);
      expect(whole.body.equals(plain.body), range).toBe(true);
    }
  });

  it("tags a public image without compressing it", async () => {
    const reply = await send(`${app.url}/image`, { headers: gzip });
    expect(reply.headers.etag).toBeTruthy();
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.headers.vary).toBeUndefined();
    expect(reply.body.length).toBe(5_000);
  });

  it("compresses a response that is not public each time, without a tag", async () => {
    const reply = await send(`${app.url}/private`, { headers: gzip });
    expect(reply.headers.etag).toBeUndefined();
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(reply.body).toString()).toBe(PAGE);
    expect(reply.headers["content-length"]).toBe(String(reply.body.length));
  });

  it("sends a 404 whole, untagged, and range requests get it whole too", async () => {
    const reply = await send(`${app.url}/missing`, { headers: { Range: "bytes=0-3" } });
    expect(reply.status).toBe(404);
    expect(reply.headers.etag).toBeUndefined();
    expect(reply.headers["content-length"]).toBe(String(Buffer.byteLength(PAGE)));
    expect(reply.body.toString()).toBe(PAGE);
  });

  it("passes Next's own 304 through", async () => {
    const reply = await send(`${app.url}/not-modified`);
    expect(reply.status).toBe(304);
    expect(reply.headers.etag).toBe('"next"');
  });

  it("never sends half a page: a failure after writing answers 500 alone", async () => {
    const reply = await send(`${app.url}/fails`);
    expect(reply.status).toBe(500);
    expect(reply.body.toString()).toBe("Internal Server Error\n");
    expect(reply.headers["cache-control"]).toBe("no-store");
    expect(reply.headers.etag).toBeUndefined();
  });

  it("leaves other methods as they are: streamed", async () => {
    const reply = await send(`${app.url}/post`, { method: "POST" });
    expect(reply.headers["transfer-encoding"]).toBe("chunked");
    expect(reply.body.toString()).toBe("streamed as it comes");
  });
});
