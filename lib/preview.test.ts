import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  PREVIEW_SECRET_ENV,
  PREVIEW_SECRET_FILE,
  expiryIn,
  previewPath,
  previewRequest,
  previewSecret,
  verifyPreview,
} from "./preview.mjs";
import { PREVIEW_PREFIX } from "./url.mjs";

const work = mkdtempSync(path.join(tmpdir(), "broadsheet-preview-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const secret = Buffer.from("a-secret-of-at-least-thirty-two-characters");
const now = Date.parse("2026-11-29T12:00:00Z");
const inADay = expiryIn(24, now);
const link = (slug: string, expires: number, key: Buffer = secret) =>
  previewRequest(previewPath(key, slug, expires))!;

describe("signed preview links", () => {
  it("a link we made verifies until it expires, and not a second after", () => {
    const made = link("a-draft", inADay);
    expect(made.slug).toBe("a-draft");
    expect(verifyPreview(secret, made, now)).toBe(true);
    expect(verifyPreview(secret, made, inADay * 1000 - 1)).toBe(true);
    expect(verifyPreview(secret, made, inADay * 1000)).toBe(false);
    expect(verifyPreview(secret, made, inADay * 1000 + 3_600_000)).toBe(false);
  });

  it("an expiry of 24 hours is 24 hours", () => {
    expect(inADay * 1000 - now).toBe(24 * 3_600_000);
  });

  it("a forged signature, one made with another secret, or a tampered slug or expiry fails", () => {
    const made = link("a-draft", inADay);
    const flipped = made.sig[0] === "A" ? `B${made.sig.slice(1)}` : `A${made.sig.slice(1)}`;
    expect(verifyPreview(secret, { ...made, sig: flipped }, now)).toBe(false);
    expect(verifyPreview(secret, link("a-draft", inADay, Buffer.from("x".repeat(40))), now)).toBe(false);
    expect(verifyPreview(secret, { ...made, slug: "another-draft" }, now)).toBe(false);
    expect(verifyPreview(secret, { ...made, expires: String(inADay + 3600) }, now)).toBe(false);
  });

  it("a malformed or missing part fails without any comparison going wrong", () => {
    const made = link("a-draft", inADay);
    for (const bad of [
      { ...made, sig: "" },
      { ...made, sig: made.sig.slice(0, -1) },
      { ...made, sig: `${made.sig}A` },
      { ...made, sig: `${made.sig.slice(0, -1)}=` },
      { ...made, expires: "" },
      { ...made, expires: "1e12" },
      { ...made, expires: "-1" },
      { ...made, expires: "9".repeat(13) },
      { ...made, slug: "" },
      { ...made, slug: "a/b" },
    ]) {
      expect(verifyPreview(secret, bad, now), JSON.stringify(bad)).toBe(false);
    }
    expect(verifyPreview(null, made, now)).toBe(false);
  });

  it("reads the first of each parameter, as nginx does, and only under the preview path", () => {
    const made = previewPath(secret, "a-draft", inADay);
    const [, query] = made.split("?");
    expect(previewRequest(`${PREVIEW_PREFIX}a-draft?${query}&sig=forged&expires=1`)).toEqual(
      link("a-draft", inADay),
    );
    expect(previewRequest("/stories/a-draft?expires=1&sig=x")).toBeNull();
    expect(previewRequest(`${PREVIEW_PREFIX}a-draft`)).toEqual({ slug: "a-draft", expires: "", sig: "" });
  });
});

describe("the shared secret", () => {
  it("is made on first use in the store, readable by its owner only, and the same ever after", () => {
    const store = path.join(work, "store-a");
    expect(previewSecret(store)).toBeNull();
    rmSync(store, { recursive: true, force: true });
    mkdirSync(store, { recursive: true });
    expect(previewSecret(store)).toBeNull();
    const made = previewSecret(store, { create: true })!;
    expect(made.length).toBeGreaterThanOrEqual(32);
    const file = path.join(store, PREVIEW_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(previewSecret(store, { create: true })).toEqual(made);
    expect(previewSecret(store)).toEqual(made);
    expect(readFileSync(file, "utf8").trim()).toBe(made.toString());
    // Deleting the file revokes every link made with it.
    const before = link("a-draft", inADay, made);
    unlinkSync(file);
    expect(verifyPreview(previewSecret(store), before, now)).toBe(false);
    const renewed = previewSecret(store, { create: true })!;
    expect(verifyPreview(renewed, before, now)).toBe(false);
  });

  it("comes from the environment when set there, and a short one is refused naming the variable", () => {
    const store = path.join(work, "store-b");
    vi.stubEnv(PREVIEW_SECRET_ENV, "s".repeat(32));
    expect(previewSecret(store, { create: true })).toEqual(Buffer.from("s".repeat(32)));
    vi.stubEnv(PREVIEW_SECRET_ENV, "short");
    expect(() => previewSecret(store)).toThrow(
      new RegExp(`${PREVIEW_SECRET_ENV} is 5 characters long: it must be at least 32`),
    );
  });
});
