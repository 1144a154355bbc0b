import { describe, expect, it } from "vitest";
import { dropClientControls, plainAnswers, refusal } from "./refusals.mjs";
import { siteHeaders } from "./site-headers.mjs";
import { raw, send, withServer } from "./testing";

// As server.mjs does: a refusal is answered at once; anything else reaches the "page", which
// echoes the headers it was given.
const answer = plainAnswers(siteHeaders("https://news.example"));
const app = withServer((req, res) => {
  const refused = refusal(req);
  if (refused) return answer(res, ...refused);
  dropClientControls(req);
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(req.headers));
});

describe("refusals", () => {
  it("takes GET and HEAD", async () => {
    expect((await send(`${app.url}/stories/x?q=1`)).status).toBe(200);
    expect((await send(`${app.url}/`, { method: "HEAD" })).status).toBe(200);
  });

  it("answers OPTIONS with 204, what is allowed, and no body or type", async () => {
    const reply = await send(`${app.url}/`, { method: "OPTIONS" });
    expect(reply.status).toBe(204);
    expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(reply.headers["content-type"]).toBeUndefined();
    expect(reply.headers["content-length"]).toBeUndefined();
    expect(reply.body.length).toBe(0);
  });

  it("refuses every other method with 405 and Allow", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "PURGE"]) {
      const reply = await send(`${app.url}/feed.xml`, { method });
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow, method).toBe("GET, HEAD, OPTIONS");
      expect(reply.body.toString(), method).toBe(
        "Method not allowed: this site only serves pages (GET, HEAD).\n",
      );
    }
  });

  it("refuses a path that does not percent-decode, and a target that is not a path, with 400", async () => {
    for (const target of ["/%zz", "/%E0%A4%A", "/stories/%C0%AF?x=1"]) {
      const reply = await send(`${app.url}${target}`);
      expect(reply.status, target).toBe(400);
      expect(reply.body.toString(), target).toBe(
        "Bad request: the path is not valid percent-encoded UTF-8.\n",
      );
    }
    // A bad query string is the page's business, not a refusal.
    expect((await send(`${app.url}/search?q=%zz`)).status).toBe(200);
    const absolute = await raw(
      app.port,
      "GET http://example.com/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(absolute).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(absolute).toMatch(/\r\n\r\nBad request: the target must be a path\.\n$/);
  });

  it("answers with the site's headers, plain text, a policy that allows nothing, and no caching", async () => {
    const reply = await send(`${app.url}/`, { method: "DELETE" });
    expect(reply.headers).toMatchObject({
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy":
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
      "content-length": String(reply.body.length),
    });
  });

  it("takes cookies and Next's internal headers off the request; keeps the router's and the rest", async () => {
    const reply = await send(`${app.url}/`, {
      headers: {
        Cookie: "__prerender_bypass=1",
        "X-Middleware-Subrequest": "middleware",
        "X-Prerender-Revalidate": "1",
        "X-Invoke-Path": "/x",
        "X-Now-Route-Matches": "1",
        "X-Matched-Path": "/x",
        "X-Nextjs-Data": "1",
        "Next-Resume": "1",
        RSC: "1",
        "Next-Router-State-Tree": "%5B%5D",
        "Accept-Language": "en",
      },
    });
    const seen = JSON.parse(reply.body.toString());
    for (const name of [
      "cookie",
      "x-middleware-subrequest",
      "x-prerender-revalidate",
      "x-invoke-path",
      "x-now-route-matches",
      "x-matched-path",
      "x-nextjs-data",
      "next-resume",
    ]) {
      expect(seen[name], name).toBeUndefined();
    }
    expect(seen).toMatchObject({ rsc: "1", "next-router-state-tree": "%5B%5D", "accept-language": "en" });
  });
});
