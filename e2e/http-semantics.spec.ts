/**
 * HTTP semantics at an instance, on the wire (node:http, no decompression): HEAD answers with
 * GET's headers, byte ranges are served or refused correctly on every kind of response, each
 * encoding has its own ETag, the routes Next builds for itself answer as any unknown address,
 * and no error or 404 may be kept by a cache.
 */
import { readFileSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { expect, test } from "./fixtures";
import { BASE_URL, DIST_DIR } from "./env";
import { EVERY_ROUTE, firstStory } from "./routes.mjs";

type Wire = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function wire(url: string, { method = "GET", headers = {} as Record<string, string> } = {}) {
  return new Promise<Wire>((resolve, reject) => {
    get(`${BASE_URL}${url}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on("error", reject);
  });
}

/** A hashed script the story page loads. */
async function anAsset() {
  const page = (await wire(firstStory.path)).body.toString();
  return /\/_next\/static\/[^"]+\.js/.exec(page)![0];
}

/** What a shared cache may do with a response, from its Cache-Control: keep it, or not. */
const storable = (headers: Wire["headers"]) => {
  const value = String(headers["cache-control"] ?? "");
  return /\bpublic\b|s-maxage|max-age=[1-9]/.test(value) && !/no-store|private/.test(value);
};

const COMPARED = ["etag", "content-length", "content-encoding", "content-type", "vary", "cache-control"];

test("HEAD answers with the headers GET sends: ETag, length, encoding, Vary", async () => {
  const urls = [...EVERY_ROUTE, "/search?q=trade", await anAsset()];
  for (const encoding of ["gzip", "identity"]) {
    for (const url of urls) {
      const headers = { "Accept-Encoding": encoding };
      const [got, head] = [await wire(url, { headers }), await wire(url, { method: "HEAD", headers })];
      expect(head.status, `HEAD ${url}`).toBe(got.status);
      expect(head.body.length, `HEAD ${url} has no body`).toBe(0);
      for (const name of COMPARED)
        expect(head.headers[name], `HEAD ${url} (${encoding}): ${name}`).toBe(got.headers[name]);
      if (got.status === 200 && storable(got.headers)) expect(got.headers.etag, url).toBeTruthy();
    }
  }
});

test("each encoding has its own ETag, and a range is always of the plain bytes", async () => {
  for (const url of [await anAsset(), firstStory.path, "/feed.xml"]) {
    const zipped = await wire(url, { headers: { "Accept-Encoding": "gzip" } });
    const plain = await wire(url, { headers: { "Accept-Encoding": "identity" } });
    expect(zipped.headers["content-encoding"], url).toBe("gzip");
    expect(plain.headers["content-encoding"], url).toBeUndefined();
    expect(zipped.headers.etag, url).not.toBe(plain.headers.etag);
    // Resuming a gzip download with its tag: the tag does not name the plain bytes, so the whole
    // response comes back, never plain bytes to join to gzip ones.
    const resumed = await wire(url, {
      headers: { "Accept-Encoding": "gzip", Range: "bytes=100-", "If-Range": String(zipped.headers.etag) },
    });
    expect(resumed.status, url).toBe(200);
    expect(resumed.body.equals(zipped.body), url).toBe(true);
    // Resuming a plain download with its tag: the rest of the plain bytes.
    const rest = await wire(url, {
      headers: { "Accept-Encoding": "gzip", Range: "bytes=100-", "If-Range": String(plain.headers.etag) },
    });
    expect(rest.status, url).toBe(206);
    expect(rest.headers["content-encoding"], url).toBeUndefined();
    expect(rest.headers["content-range"], url).toBe(
      `bytes 100-${plain.body.length - 1}/${plain.body.length}`,
    );
    expect(rest.body.equals(plain.body.subarray(100)), url).toBe(true);
  }
});

test("byte ranges: served, refused with 416, or ignored, never a 5xx, for GET and HEAD", async () => {
  for (const url of [await anAsset(), firstStory.path, "/sitemap.xml", "/logo.png"]) {
    const whole = (await wire(url, { headers: { "Accept-Encoding": "identity" } })).body;
    const n = whole.length;
    const cases: [string, number, Buffer | null][] = [
      ["bytes=0-9", 206, whole.subarray(0, 10)],
      ["bytes=-5", 206, whole.subarray(n - 5)],
      [`bytes=${n - 3}-`, 206, whole.subarray(n - 3)],
      [`bytes=10-${n * 2}`, 206, whole.subarray(10)],
      [`bytes=${n}-`, 416, null],
      ["bytes=999999999-", 416, null],
      ["bytes=-0", 416, null],
      ["bytes=abc", 200, whole],
      ["bytes=5-1", 200, whole],
      ["bytes=0-0,2-3", 200, whole],
      ["items=0-1", 200, whole],
    ];
    for (const [range, status, body] of cases) {
      for (const method of ["GET", "HEAD"]) {
        const answer = await wire(url, { method, headers: { Range: range, "Accept-Encoding": "gzip" } });
        expect(answer.status, `${method} ${url} ${range}`).toBe(status);
        if (status === 416) {
          expect(answer.headers["content-range"], `${url} ${range}`).toBe(`bytes */${n}`);
          expect(storable(answer.headers), `${url} ${range}: a 416 is not kept`).toBe(false);
        }
        if (method === "GET" && status === 206)
          expect(answer.body.equals(body!), `${url} ${range}`).toBe(true);
        if (method === "GET" && status === 200 && answer.headers["content-encoding"] !== "gzip") {
          expect(answer.body.equals(body!), `${url} ${range}`).toBe(true);
        }
      }
    }
  }
});

test("the routes Next builds for itself answer exactly as an unknown address does", async () => {
  // Read from the build, as the server does not: the next such route is found too.
  const manifest = (file: string) => JSON.parse(readFileSync(path.join(DIST_DIR, file), "utf8"));
  const internal = [
    "/index",
    ...Object.values<string>(manifest("app-path-routes-manifest.json")).filter((route) =>
      route.split("/").some((segment) => segment.startsWith("_")),
    ),
    ...Object.keys(manifest("server/pages-manifest.json")),
  ];
  expect(internal).toEqual(
    expect.arrayContaining(["/index", "/_not-found", "/_global-error", "/404", "/500"]),
  );
  const unknown = await wire("/no-such-page-at-all");
  expect(unknown.status).toBe(404);
  for (const route of internal) {
    for (const method of ["GET", "HEAD"]) {
      const answer = await wire(route, { method });
      expect(answer.status, `${method} ${route}`).toBe(404);
      expect(answer.headers["cache-control"], route).toBe(unknown.headers["cache-control"]);
      if (method === "GET") expect(answer.body.toString(), route).toBe(unknown.body.toString());
    }
  }
});

/** A 404 may be kept by a shared cache for 2 s at most, by a browser not at all, never stale. */
const momentary = (headers: Wire["headers"]) => {
  const value = String(headers["cache-control"] ?? "");
  const sharedFor = Number(/s-maxage=(\d+)/.exec(value)?.[1] ?? /max-age=(\d+)/.exec(value)?.[1] ?? 0);
  return sharedFor <= 2 && !/max-age=[1-9]/.test(value.replace(/s-maxage=\d+/, "")) && !/stale-/.test(value);
};

test("no error can be kept by a cache, and a 404 only for a moment", async () => {
  const asset = await anAsset();
  const answers: [string, Wire][] = [];
  const probe = async (url: string, headers: Record<string, string> = {}) =>
    answers.push([`${url} ${JSON.stringify(headers)}`, await wire(url, { headers })]);
  for (const url of [
    "/no-such-page",
    "/world/page/2",
    "/world/nope.xml",
    "/stories/nope",
    "/topics/nope/feed.xml",
  ]) {
    await probe(url);
  }
  for (const url of [
    "/_next/static/nope.js",
    "/_next/image?url=%2Fnope.png&w=64&q=75",
    "/_next/image?url=x",
  ]) {
    await probe(url);
  }
  await probe(asset, { Range: "bytes=999999999-" });
  await probe(firstStory.path, { Range: "bytes=-0" });
  const errors = answers.filter(([, answer]) => answer.status >= 400 && answer.status !== 410);
  expect(errors.length).toBe(answers.length);
  for (const [what, answer] of errors) {
    expect(answer.status, what).toBeLessThan(500);
    const cacheControl = `${what}: ${answer.status} ${answer.headers["cache-control"]}`;
    if (answer.status === 404) expect(momentary(answer.headers), cacheControl).toBe(true);
    else expect(storable(answer.headers), cacheControl).toBe(false);
  }
  // Some of them are kept for a moment: a 404 that Next marks public.
  expect(errors.some(([, answer]) => answer.status === 404 && storable(answer.headers))).toBe(true);
});

test("no cookie or internal header of Next's makes an instance answer differently", async () => {
  for (const url of [firstStory.path, "/world", "/feed.xml"]) {
    const plain = await wire(url);
    const attempts: Record<string, string>[] = [
      // Next's draft mode: it rendered afresh and answered with Set-Cookie, which no cache keeps.
      { Cookie: "__prerender_bypass=anything; __next_preview_data=x" },
      { "X-Prerender-Revalidate": "anything" },
      { "X-Middleware-Subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { "X-Now-Route-Matches": "slug=x", "X-Matched-Path": "/_unknown" },
    ];
    for (const headers of attempts) {
      const steered = await wire(url, { headers });
      const label = `${url} with ${Object.keys(headers).join(", ")}`;
      expect(steered.status, label).toBe(plain.status);
      expect(steered.headers["set-cookie"], label).toBeUndefined();
      expect(steered.headers["cache-control"], label).toBe(plain.headers["cache-control"]);
      expect(steered.headers.etag, label).toBe(plain.headers.etag);
    }
  }
});

test("preconditions: a failed If-Match or If-Unmodified-Since is 412, never a 5xx, on every kind of response", async () => {
  const asset = await anAsset();
  for (const url of [asset, firstStory.path, "/feed.xml", "/logo.png"]) {
    const plain = await wire(url);
    expect(plain.status, url).toBe(200);
    const etag = String(plain.headers.etag);
    for (const method of ["GET", "HEAD"]) {
      const failed = await wire(url, { method, headers: { "If-Match": '"not-this-one"' } });
      expect(failed.status, `${method} ${url} If-Match another`).toBe(412);
      expect(failed.body.length).toBe(0);
      expect((await wire(url, { method, headers: { "If-Match": "??" } })).status, `${method} ${url}`).toBe(
        412,
      );
      expect((await wire(url, { method, headers: { "If-Match": etag } })).status, `${method} ${url}`).toBe(
        200,
      );
      expect((await wire(url, { method, headers: { "If-Match": "*" } })).status, `${method} ${url}`).toBe(
        200,
      );
    }
    if (plain.headers["last-modified"]) {
      const before = new Date(Date.parse(String(plain.headers["last-modified"])) - 60_000).toUTCString();
      expect((await wire(url, { headers: { "If-Unmodified-Since": before } })).status, url).toBe(412);
    }
    const garbled = await wire(url, { headers: { "If-Unmodified-Since": "not a date" } });
    expect(garbled.status, url).toBe(200);
  }
});
