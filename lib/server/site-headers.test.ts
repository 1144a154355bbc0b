import { describe, expect, it } from "vitest";
import {
  ENTRY_REDIRECT_CACHE_CONTROL,
  LIVE_POLL_CACHE_CONTROL,
  NOT_FOUND_CACHE_CONTROL,
  PAGE_CACHE_CONTROL,
} from "../http-headers.mjs";
import { hideInternals, setSiteHeaders, siteHeaders } from "./site-headers.mjs";
import { send, withServer } from "./testing";

const HEADERS = siteHeaders("http://localhost:3000");
// Each request says what Next would answer: ?status=…&cache=…
const app = withServer((req, res) => {
  const [pathname, search] = req.url!.split("?");
  const query = new URLSearchParams(search);
  hideInternals(res);
  setSiteHeaders(res, pathname, HEADERS);
  res.setHeader("x-nextjs-cache", "HIT");
  res.setHeader("x-nextjs-prerender", "1");
  if (query.get("cache")) res.setHeader("Cache-Control", query.get("cache")!);
  if (query.get("head") === "explicit") {
    res.setHeader("x-nextjs-stale-time", "300");
    res.writeHead(Number(query.get("status") ?? 200), "Whatever");
  } else {
    res.statusCode = Number(query.get("status") ?? 200);
  }
  res.end("body");
});

describe("site headers", () => {
  it("gives a live page's poll its own short caching, and its 404 no more than any 404", async () => {
    const poll = await send(`${app.url}/stories/a-story/live.json`);
    expect(poll.headers["cache-control"]).toBe(LIVE_POLL_CACHE_CONTROL);
    expect((await send(`${app.url}/stories/a-story/live.json?status=404`)).headers["cache-control"]).toBe(
      NOT_FOUND_CACHE_CONTROL,
    );
    // Only the poll: the story page and other paths under it keep the pages' caching.
    expect((await send(`${app.url}/stories/a-story`)).headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
    expect((await send(`${app.url}/stories/live.json`)).headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
  });

  it("sets the security headers on every response, and the pages' caching on pages", async () => {
    const page = await send(`${app.url}/stories/a-story`);
    expect(page.headers).toMatchObject({
      "content-security-policy": expect.stringContaining("default-src 'self'"),
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      "cross-origin-opener-policy": "same-origin",
      "cache-control": PAGE_CACHE_CONTROL,
    });
    // Served over plain HTTP: no HSTS, and no upgrade of requests.
    expect(page.headers["strict-transport-security"]).toBeUndefined();
    expect(page.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    for (const path of ["/_next/static/chunks/a.js", "/_next/image", "/healthz", "/stories/a/entries/b"]) {
      const reply = await send(`${app.url}${path}`);
      expect(reply.headers["cache-control"], path).toBeUndefined();
      expect(reply.headers["x-frame-options"], path).toBe("DENY");
    }
  });

  it("pins browsers to HTTPS when the site is served over it", () => {
    const names = siteHeaders("https://news.example").map(([name]) => name);
    expect(names).toContain("Strict-Transport-Security");
    expect(siteHeaders(undefined).map(([name]) => name)).not.toContain("Strict-Transport-Security");
  });
});

describe("hideInternals", () => {
  it("takes off Next's x-nextjs-* headers, however the head is written", async () => {
    for (const query of ["", "?head=explicit", "?status=404&head=explicit"]) {
      const reply = await send(`${app.url}/${query}`);
      expect(
        Object.keys(reply.headers).filter((name) => name.startsWith("x-nextjs")),
        query,
      ).toEqual([]);
    }
  });

  it("lets caches keep only what stays true: no error, a 404 for two seconds", async () => {
    const ask = async (status: number, cache: string) =>
      (await send(`${app.url}/x?status=${status}&cache=${encodeURIComponent(cache)}`)).headers[
        "cache-control"
      ];
    expect(await ask(500, "public, max-age=300")).toBe("no-store");
    expect(await ask(503, "s-maxage=300")).toBe("no-store");
    expect(await ask(400, "max-age=5")).toBe("no-store");
    expect(await ask(404, "public, max-age=300")).toBe(NOT_FOUND_CACHE_CONTROL);
    // Statuses a cache may keep keep their header; so does one that is not cacheable anyway.
    for (const status of [200, 206, 301, 308, 410])
      expect(await ask(status, PAGE_CACHE_CONTROL)).toBe(PAGE_CACHE_CONTROL);
    // A live entry's permalink redirects (307) to its page for a moment.
    expect(await ask(307, ENTRY_REDIRECT_CACHE_CONTROL)).toBe(ENTRY_REDIRECT_CACHE_CONTROL);
    expect(await ask(500, "private, no-cache, no-store, max-age=0")).toBe(
      "private, no-cache, no-store, max-age=0",
    );
  });

  it("judges the status given to writeHead, not only the one set before", async () => {
    const reply = await send(`${app.url}/x?status=500&head=explicit&cache=public`);
    expect(reply.status).toBe(500);
    expect(reply.headers["cache-control"]).toBe("no-store");
  });
});
