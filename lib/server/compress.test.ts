import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, compress } from "./compress.mjs";
import { send, withServer } from "./testing";

const TEXT = "<p>A story of some length, told at length.</p>\n".repeat(20);

describe("compress, on a real response", () => {
  // Each request says what to answer: ?type=…&status=…&size=…&encoded=1&range=1
  const app = withServer((req, res) => {
    const query = new URL(req.url!, "http://x").searchParams;
    const body = query.get("buffer")
      ? Buffer.from(TEXT)
      : TEXT.slice(0, Number(query.get("size") ?? TEXT.length));
    res.statusCode = Number(query.get("status") ?? 200);
    res.setHeader("Content-Type", query.get("type") ?? "text/html; charset=utf-8");
    if (query.get("vary")) res.setHeader("Vary", query.get("vary")!);
    if (query.get("encoded")) res.setHeader("Content-Encoding", "br");
    if (query.get("range")) res.setHeader("Content-Range", "bytes 0-9/100");
    const payload = compress(req, res, body);
    res.setHeader("Content-Length", Buffer.byteLength(payload));
    res.end(payload);
  });
  const gzip = { "Accept-Encoding": "gzip, deflate, br" };

  it("gzips text for a client that takes gzip: unpacked, the same bytes; Vary says so", async () => {
    for (const query of ["", "?buffer=1", "?type=application/rss%2Bxml", "?type=image/svg%2Bxml"]) {
      const reply = await send(`${app.url}/${query}`, { headers: gzip });
      expect(reply.headers["content-encoding"], query).toBe("gzip");
      expect(reply.body.length, query).toBeLessThan(Buffer.byteLength(TEXT));
      expect(gunzipSync(reply.body).toString(), query).toBe(TEXT);
      expect(reply.headers.vary, query).toBe("Accept-Encoding");
    }
  });

  it("sends plain bytes to a client without gzip, or that refuses it, still with Vary", async () => {
    for (const accept of [undefined, "identity", "gzip;q=0", "br, gzip; q=0.0", "gzipx"]) {
      const reply = await send(`${app.url}/`, { headers: accept ? { "Accept-Encoding": accept } : {} });
      expect(reply.headers["content-encoding"], accept).toBeUndefined();
      expect(reply.body.toString(), accept).toBe(TEXT);
      expect(reply.headers.vary, accept).toBe("Accept-Encoding");
    }
  });

  it("adds Accept-Encoding to an existing Vary once", async () => {
    const reply = await send(`${app.url}/?vary=rsc`, { headers: gzip });
    expect(reply.headers.vary).toBe("rsc, Accept-Encoding");
    const again = await send(`${app.url}/?vary=rsc,%20accept-encoding`, { headers: gzip });
    expect(again.headers.vary).toBe("rsc, accept-encoding");
  });

  it("leaves alone what is short, not text, already encoded, not a 200, or partial", async () => {
    for (const query of ["?size=255", "?type=image/png", "?encoded=1", "?status=404", "?range=1"]) {
      const reply = await send(`${app.url}/${query}`, { headers: gzip });
      expect(reply.headers["content-encoding"] ?? null, query).toBe(query === "?encoded=1" ? "br" : null);
      expect(reply.headers.vary, query).toBeUndefined();
    }
    // 256 bytes is enough.
    expect((await send(`${app.url}/?size=256`, { headers: gzip })).headers["content-encoding"]).toBe("gzip");
  });
});

describe("acceptsGzip", () => {
  const asking = (value: string) => acceptsGzip({ headers: { "accept-encoding": value } } as never);
  it("reads gzip in a list, with or without a weight, but not with weight 0", () => {
    expect(asking("gzip")).toBe(true);
    expect(asking("br,GZIP;q=0.5")).toBe(true);
    expect(asking("gzip;q=0.001")).toBe(true);
    expect(asking("gzip;q=0")).toBe(false);
    expect(asking("gzip ; q = 0.000")).toBe(false);
    expect(asking("x-gzip")).toBe(false);
    expect(asking("")).toBe(false);
  });
});
