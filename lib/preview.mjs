// @ts-check
/**
 * Preview links: an editor's way to see a draft or a scheduled story on the live site
 * (`npm run preview -- <slug>`, scripts/preview.mjs; docs/decisions/0012-preview.md).
 *
 * A link is `/preview/<slug>?expires=<unix seconds>&sig=<HMAC>`: the signature is an
 * HMAC-SHA256 of the slug and the expiry under a secret that the servers and the command share,
 * so the link itself is the credential. Nothing else is needed to open it, and nothing else
 * opens it: no cookie, no header, no session.
 *
 * The secret is PREVIEW_SECRET when set (at least 32 characters), else a file in the
 * content store (PREVIEW_SECRET_FILE, mode 0600), which `npm run preview` makes on first use.
 * The store is the one folder the publishing machine and every server already share. Servers
 * only read it, on each preview request: deleting the file revokes every link given out.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PREVIEW_PREFIX, previewLinkPath } from "./url.mjs";

/** How long a link works unless `--hours` says otherwise, and the longest it may. */
export const DEFAULT_PREVIEW_HOURS = 24;
export const MAX_PREVIEW_HOURS = 24 * 7;

export const PREVIEW_SECRET_ENV = "PREVIEW_SECRET";
export const PREVIEW_SECRET_FILE = "preview-secret";
const MIN_SECRET_LENGTH = 32;

/** What a preview response carries: kept by no cache, shown by no search engine. */
export const PREVIEW_HEADERS = /** @type {const} */ ({
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
  // The link is the credential: a page it opens sends no Referer with it, even to this site.
  "Referrer-Policy": "no-referrer",
});

/**
 * The shared secret, or null when there is none yet (no preview link was ever made, or the file
 * was deleted to revoke them all): then no link is valid.
 *
 * @param {string} storeDir the content store (lib/store.mjs, storeDir())
 * @param {{ create?: boolean }} [options] create: make the file if it is missing (the command)
 * @returns {Buffer | null}
 */
export function previewSecret(storeDir, { create = false } = {}) {
  const fromEnv = process.env[PREVIEW_SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `${PREVIEW_SECRET_ENV} is ${fromEnv.length} characters long: it must be at least ${MIN_SECRET_LENGTH}. ` +
          `Make one with: node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))'`,
      );
    }
    return Buffer.from(fromEnv);
  }
  const file = path.join(storeDir, PREVIEW_SECRET_FILE);
  const read = () => {
    try {
      const text = readFileSync(file, "utf8").trim();
      return text.length >= MIN_SECRET_LENGTH ? Buffer.from(text) : null;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return null;
      throw error;
    }
  };
  const found = read();
  if (found || !create) return found;
  // Written whole under another name, then linked into place: a server never reads half a
  // secret, and two editors making it at once end up with the same one (link fails if it exists).
  const temporary = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(temporary, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return read();
}

/**
 * @param {Buffer} secret
 * @param {string} slug
 * @param {number} expires unix seconds
 */
const signatureOf = (secret, slug, expires) =>
  createHmac("sha256", secret).update(`broadsheet-preview\n${slug}\n${expires}`).digest("base64url");

/**
 * The path and query of a preview link (the site's address goes in front).
 *
 * @param {Buffer} secret
 * @param {string} slug
 * @param {number} expires unix seconds
 */
export function previewPath(secret, slug, expires) {
  return previewLinkPath(slug, { expires, sig: signatureOf(secret, slug, expires) });
}

/** When a link made now for `hours` stops working, in unix seconds. */
export const expiryIn = (/** @type {number} */ hours, now = Date.now()) =>
  Math.floor(now / 1000 + hours * 3600);

/**
 * What a request for a preview path asks for: the slug, the expiry and the signature as sent
 * (the first of each, as nginx's $arg_ reads them), or null when the path is not a preview.
 *
 * @param {string} url a request target, path and query
 * @returns {{ slug: string; expires: string; sig: string } | null}
 */
export function previewRequest(url) {
  // Asked of every request the server gets: anything else costs one startsWith().
  if (!url.startsWith(PREVIEW_PREFIX)) return null;
  const [pathname, query = ""] = url.split(/\?(.*)/s);
  const params = new URLSearchParams(query);
  return {
    slug: pathname.slice(PREVIEW_PREFIX.length),
    expires: params.get("expires") ?? "",
    sig: params.get("sig") ?? "",
  };
}

/**
 * Whether a link is one we made and has not expired. The signature is compared in constant
 * time; everything else about it (a slug with a slash, an expiry that is not a number, a
 * signature of the wrong length) fails before any comparison.
 *
 * @param {Buffer | null} secret
 * @param {{ slug: string; expires: string; sig: string }} link
 * @param {number} [now]
 */
export function verifyPreview(secret, { slug, expires, sig }, now = Date.now()) {
  if (!secret) return false;
  if (!/^[^/\s]{1,200}$/.test(slug) || !/^[0-9]{1,12}$/.test(expires)) return false;
  if (Number(expires) * 1000 <= now) return false;
  if (!/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
  const expected = Buffer.from(signatureOf(secret, slug, Number(expires)), "base64url");
  const given = Buffer.from(sig, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
