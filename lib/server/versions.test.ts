import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { etagOf } from "./conditional.mjs";
import { versionCache } from "./versions.mjs";

/** A page of `bytes` bytes that gzip cannot shrink much (random text), distinct per `seed`. */
const page = (seed: string, bytes: number) =>
  `${seed}:${randomBytes(bytes).toString("base64")}`.slice(0, bytes).padEnd(bytes, "x");

describe("versionCache", () => {
  it("works a body's version out once: tags and length, then the same object for the same body", () => {
    const versions = versionCache(1024 * 1024);
    const body = "<!doctype html><p>Grüße</p>";
    const version = versions.versionOf(body);
    expect(version).toMatchObject({
      etag: etagOf(body),
      gzipEtag: `${etagOf(body).slice(0, -1)}-gz"`,
      length: Buffer.byteLength(body),
      gzip: null,
    });
    // The very string, or an equal one built afresh (a query string's page): one entry.
    expect(versions.versionOf(body)).toBe(version);
    expect(versions.versionOf(["<!doctype html>", "<p>Grüße</p>"].join(""))).toBe(version);
    expect(versions.size).toBe(1);
  });

  it("keys a buffer by its hash: the same bytes, the same version, counted small", () => {
    const versions = versionCache(1024 * 1024);
    const bytes = Buffer.from(page("a", 10_000));
    const version = versions.versionOf(bytes);
    expect(versions.versionOf(Buffer.from(bytes))).toBe(version);
    expect(version.etag).toBe(etagOf(bytes));
    expect(versions.bytes).toBe(64);
  });

  it("gzips a version once, and the gzip unpacks to the body", () => {
    const versions = versionCache(1024 * 1024);
    const body = "<p>Some text, some text.</p>".repeat(100);
    const version = versions.versionOf(body);
    const zipped = versions.gzipOf(version, body);
    expect(gunzipSync(zipped).toString()).toBe(body);
    expect(versions.gzipOf(version, body)).toBe(zipped);
    expect(versions.versionOf(body).gzip).toBe(zipped);
  });

  it("counts each entry's key and gzip against the limit: nothing uncounted, nothing over", () => {
    const limit = 200_000;
    const versions = versionCache(limit);
    const bodies = Array.from({ length: 40 }, (_, i) => page(`p${i}`, 9_000));
    let expected = 0;
    for (const body of bodies.slice(0, 10)) {
      const version = versions.versionOf(body);
      expected += body.length;
      expect(versions.bytes).toBe(expected);
      expected += versions.gzipOf(version, body).length;
      // The gzip, added later, grows the entry it belongs to.
      expect(versions.bytes).toBe(expected);
    }
    const all = bodies.map((body) => {
      const version = versions.versionOf(body);
      versions.gzipOf(version, body);
      expect(versions.bytes).toBeLessThanOrEqual(limit);
      return version;
    });
    // Held: the most recent entries, as many as fit; counted exactly, each with its gzip.
    const held = all.slice(-versions.size);
    expect(versions.size).toBeGreaterThan(5);
    expect(versions.size).toBeLessThan(40);
    expect(versions.bytes).toBe(
      held.reduce((sum, version) => sum + version.length + version.gzip!.length, 0),
    );
    expect(versions.bytes + all[all.length - versions.size - 1].length).toBeGreaterThan(limit - 20_000);
  });

  it("drops the least recently used first, gzip included", () => {
    // Room for three bodies of 10,000 bytes without gzip.
    const versions = versionCache(35_000);
    const [a, b, c, d] = ["a", "b", "c", "d"].map((seed) => page(seed, 10_000));
    const first = versions.versionOf(a);
    versions.versionOf(b);
    versions.versionOf(c);
    expect(versions.versionOf(a)).toBe(first); // used again: now the most recent
    versions.versionOf(d); // b goes
    expect(versions.size).toBe(3);
    expect(versions.versionOf(a)).toBe(first);
    const cVersion = versions.versionOf(c);
    expect(versions.size).toBe(3);
    // b was dropped: it comes back as a new version, pushing out the oldest (d).
    const bAgain = versions.versionOf(b);
    expect(bAgain.gzip).toBeNull();
    expect(versions.size).toBe(3);
    // Gzip of c (random text: about 7,600 bytes) takes room: a, the least recent, goes.
    versions.gzipOf(cVersion, c);
    expect(versions.size).toBe(2);
    expect(versions.bytes).toBe(20_000 + cVersion.gzip!.length);
    expect(versions.versionOf(c)).toBe(cVersion);
    expect(versions.versionOf(a)).not.toBe(first);
  });

  it("still answers for a body larger than the whole cache, without keeping it", () => {
    const versions = versionCache(1_000);
    const small = versions.versionOf("small page");
    const body = page("big", 5_000);
    const version = versions.versionOf(body);
    expect(version.length).toBe(5_000);
    expect(gunzipSync(versions.gzipOf(version, body)).toString()).toBe(body);
    expect(versions.versionOf(body)).not.toBe(version);
    // And the others stay.
    expect(versions.versionOf("small page")).toBe(small);
  });

  it("keeps nothing with a limit of 0, and still answers", () => {
    const versions = versionCache(0);
    const version = versions.versionOf("a page");
    expect(version.etag).toBe(etagOf("a page"));
    expect(versions.size).toBe(0);
    expect(versions.versionOf("")).toMatchObject({ length: 0, etag: etagOf("") });
  });

  it("counts an empty body as one byte (lru-cache needs a size of 1 or more)", () => {
    const versions = versionCache(100);
    versions.versionOf("");
    expect(versions.size).toBe(1);
    expect(versions.bytes).toBe(1);
  });
});
