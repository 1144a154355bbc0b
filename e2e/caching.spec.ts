/** How long shared caches and browsers may keep what the site sends, and its answers to conditional and range requests. */
import { expect, test } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("caching", () => {
  /** Cache-Control's directives: "public, max-age=60" -> { public: true, "max-age": 60 }. */
  const directives = (header: string | undefined) =>
    Object.fromEntries(
      (header ?? "").split(",").map((d) => {
        const [name, value] = d.trim().split("=");
        return [name, value === undefined ? true : Number(value)];
      }),
    );

  test("pages, feeds and sitemaps: shared caches keep them seconds, so a publish shows at once; stale on failure; hashed assets for a year", async ({
    request,
    fetchText,
  }) => {
    for (const path of [
      "/",
      firstStory.path,
      "/world",
      "/feed.xml",
      "/world/atom.xml",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/robots.txt",
    ]) {
      const cc = directives((await request.get(path)).headers()["cache-control"]);
      expect(cc.public, path).toBe(true);
      // A proxy or CDN holds a page at most 2 s before asking again: a publish reaches readers
      // through it within the publishing deadline (5 s).
      expect(cc["s-maxage"], path).toBeLessThanOrEqual(2);
      // A browser at most a minute; any cache may serve a copy while the servers fail, for days.
      expect(cc["max-age"], path).toBeLessThanOrEqual(60);
      expect(cc["stale-if-error"], path).toBeGreaterThanOrEqual(86_400);
    }
    const { text } = await fetchText(firstStory.path);
    const asset = /\/_next\/static\/[^"]+\.js/.exec(text)![0];
    expect((await request.get(asset)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  for (const path of [
    firstStory.path,
    "/",
    "/feed.xml",
    "/world/atom.xml",
    "/topics/trade/feed.json",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
    "/search?q=trade",
  ]) {
    test(`${path} answers a conditional request with 304, and a changed tag with the full body`, async ({
      request,
    }) => {
      for (const encoding of ["gzip", "identity"]) {
        const headers = { "Accept-Encoding": encoding };
        const first = await request.get(path, { headers });
        expect(first.status()).toBe(200);
        const body = await first.body();
        expect(body.length, `${path} (${encoding}) has a body`).toBeGreaterThan(50);
        const etag = first.headers()["etag"];
        expect(etag, `${path} (${encoding}) has an ETag`).toMatch(/^(W\/)?"[^"]+"$/);
        const again = await request.get(path, { headers: { ...headers, "If-None-Match": etag } });
        expect(again.status(), `${path} (${encoding}) with its own ETag`).toBe(304);
        expect((await again.body()).length).toBe(0);
        expect(again.headers()["etag"]).toBe(etag);
        const stale = await request.get(path, { headers: { ...headers, "If-None-Match": '"not-this-one"' } });
        expect(stale.status()).toBe(200);
        expect((await stale.body()).equals(body), `${path} (${encoding}) sends the same bytes again`).toBe(
          true,
        );
      }
    });
  }

  test("a range request gets its range, and changes nothing for the next reader", async ({
    request,
    fetchText,
  }) => {
    const { text } = await fetchText(firstStory.path);
    const asset = /\/_next\/static\/[^"]+\.js/.exec(text)![0];
    const whole = await (await request.get(asset, { headers: { "Accept-Encoding": "identity" } })).body();
    for (const path of [asset, firstStory.path]) {
      const part = await request.get(path, { headers: { Range: "bytes=0-99", "Accept-Encoding": "gzip" } });
      expect(part.status(), path).toBe(206);
      expect(part.headers()["content-encoding"], path).toBeUndefined();
      expect((await part.body()).length, path).toBe(100);
    }
    // The next reader, who takes gzip, gets the whole file (Playwright unzips it).
    const after = await request.get(asset, { headers: { "Accept-Encoding": "gzip" } });
    expect(after.headers()["content-encoding"]).toBe("gzip");
    expect((await after.body()).equals(whole)).toBe(true);
  });
});
