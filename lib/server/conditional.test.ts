import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  UNSATISFIABLE,
  etagOf,
  matches,
  preconditionFailed,
  rangeOf,
  takeConditions,
} from "./conditional.mjs";
import { send, withServer } from "./testing";

describe("etagOf", () => {
  it("tags the same bytes alike, whether a string or a buffer, and different bytes apart", () => {
    const page = "<!doctype html><p>Grüße</p>";
    expect(etagOf(page)).toBe(etagOf(Buffer.from(page)));
    expect(etagOf(page)).not.toBe(etagOf(`${page} `));
    // A strong tag: quoted, 27 characters of the SHA-256 in base64url.
    const digest = createHash("sha256").update(page).digest("base64url");
    expect(etagOf(page)).toBe(`"${digest.slice(0, 27)}"`);
  });
});

describe("matches (If-None-Match)", () => {
  const tag = etagOf("a page");
  it("matches the tag, weakly, in a list, or *", () => {
    expect(matches(tag, tag)).toBe(true);
    expect(matches(`W/${tag}`, tag)).toBe(true);
    expect(matches(`"other", ${tag}`, tag)).toBe(true);
    expect(matches(` * `, tag)).toBe(true);
  });
  it("does not match another tag, or no header", () => {
    expect(matches(undefined, tag)).toBe(false);
    expect(matches("", tag)).toBe(false);
    expect(matches(etagOf("another page"), tag)).toBe(false);
    expect(matches(`${tag.slice(0, -1)}-gz"`, tag)).toBe(false);
  });
});

describe("takeConditions and rangeOf, on a real request", () => {
  // The handler stands for Next: it reports the headers it saw, and the range the server took.
  const body = "0123456789".repeat(10);
  const etag = etagOf(body);
  const app = withServer((req, res) => {
    takeConditions(req);
    const seen = { range: req.headers.range ?? null, ifRange: req.headers["if-range"] ?? null };
    const range = rangeOf(req, etag, body.length);
    res.end(JSON.stringify({ seen, range: range === UNSATISFIABLE ? "unsatisfiable" : range }));
  });
  const ask = async (headers: Record<string, string>) =>
    JSON.parse((await send(app.url, { headers })).body.toString());

  it("hides Range and If-Range from what runs after it", async () => {
    const { seen } = await ask({ Range: "bytes=0-9", "If-Range": etag });
    expect(seen).toEqual({ range: null, ifRange: null });
  });

  it("gives the range asked for, when If-Range is absent or names these bytes", async () => {
    expect((await ask({ Range: "bytes=0-9" })).range).toEqual({ start: 0, end: 9 });
    expect((await ask({ Range: "bytes=-5", "If-Range": etag })).range).toEqual({ start: 95, end: 99 });
    expect((await ask({ Range: "bytes=100-" })).range).toBe("unsatisfiable");
  });

  it("gives the whole body for another version, a malformed range, or none", async () => {
    expect((await ask({ Range: "bytes=0-9", "If-Range": etagOf("older") })).range).toBeNull();
    expect((await ask({ Range: "bytes=0-9", "If-Range": `${etag.slice(0, -1)}-gz"` })).range).toBeNull();
    expect((await ask({ Range: "bytes=abc" })).range).toBeNull();
    expect((await ask({})).range).toBeNull();
  });
});

describe("If-Match and If-Unmodified-Since, on a real request", () => {
  // Next's static file server answered a failed precondition with 500: it must never see one.
  const etag = etagOf("the page");
  const modified = "Sun, 29 Nov 2026 12:00:00 GMT";
  const app = withServer((req, res) => {
    takeConditions(req);
    const seen = {
      ifMatch: req.headers["if-match"] ?? null,
      since: req.headers["if-unmodified-since"] ?? null,
    };
    res.end(JSON.stringify({ seen, failed: preconditionFailed(req, etag, modified) }));
  });
  const ask = async (headers: Record<string, string>) =>
    JSON.parse((await send(app.url, { headers })).body.toString());

  it("hides them from what runs after it", async () => {
    const { seen } = await ask({ "If-Match": etag, "If-Unmodified-Since": modified });
    expect(seen).toEqual({ ifMatch: null, since: null });
  });

  it("fails If-Match unless it names these bytes strongly, or is *", async () => {
    expect((await ask({ "If-Match": etag })).failed).toBe(false);
    expect((await ask({ "If-Match": `"other", ${etag}` })).failed).toBe(false);
    expect((await ask({ "If-Match": "*" })).failed).toBe(false);
    expect((await ask({ "If-Match": `W/${etag}` })).failed).toBe(true);
    expect((await ask({ "If-Match": '"other"' })).failed).toBe(true);
    expect((await ask({ "If-Match": "??" })).failed).toBe(true);
  });

  it("fails If-Unmodified-Since before the last change, and ignores it when malformed or beside If-Match", async () => {
    expect((await ask({ "If-Unmodified-Since": "Sun, 29 Nov 2026 11:59:59 GMT" })).failed).toBe(true);
    expect((await ask({ "If-Unmodified-Since": modified })).failed).toBe(false);
    expect((await ask({ "If-Unmodified-Since": "yesterday" })).failed).toBe(false);
    expect(
      (await ask({ "If-Match": etag, "If-Unmodified-Since": "Mon, 01 Jan 1990 00:00:00 GMT" })).failed,
    ).toBe(false);
  });

  it("fails nothing without them", async () => {
    expect((await ask({})).failed).toBe(false);
  });
});
