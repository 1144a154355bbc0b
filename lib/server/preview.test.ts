import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PREVIEW_HEADERS, expiryIn, previewPath, previewSecret } from "../preview.mjs";
import { draftModeId, previewRoute, servePreview } from "./preview.mjs";
import { UNKNOWN_PATH } from "./routes.mjs";
import { send, withServer } from "./testing";

const work = mkdtempSync(path.join(tmpdir(), "broadsheet-server-preview-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOUR = 3_600_000;
const now = Date.now();
const storeDir = path.join(work, "store");
mkdirSync(storeDir, { recursive: true });
const secret = previewSecret(storeDir, { create: true })!;
const at = (ms: number) => new Date(ms).toISOString();
const stories = [
  { slug: "a-draft", draft: true, publishedAt: at(now - HOUR) },
  { slug: "scheduled", publishedAt: at(now + 24 * HOUR) },
  { slug: "public", publishedAt: at(now - HOUR) },
];
const store = { current: () => ({ stories }) };
const route = (url: string) => previewRoute(url, { store, storeDir, now });
const linkTo = (slug: string, expires = expiryIn(1, now)) => previewPath(secret, slug, expires);

describe("previewRoute", () => {
  it("leaves every other path alone", () => {
    expect(route("/stories/a-draft")).toBeNull();
    expect(route("/previews")).toBeNull();
  });

  it("shows a draft or a scheduled story in draft mode, at its own address", () => {
    expect(route(linkTo("a-draft"))).toEqual({ render: "/stories/a-draft", draft: true });
    expect(route(linkTo("scheduled"))).toEqual({ render: "/stories/scheduled", draft: true });
  });

  it("sends a valid link to a story published since to its page", () => {
    expect(route(linkTo("public"))).toEqual({ redirect: "/stories/public" });
  });

  it("answers the site's 404 for an expired, forged, tampered or missing signature, or an unknown story", () => {
    const notFound = { render: UNKNOWN_PATH, draft: false };
    const valid = linkTo("a-draft");
    expect(route(linkTo("a-draft", expiryIn(-1, now)))).toEqual(notFound);
    expect(route(valid.replace(/sig=./, (s) => (s.endsWith("A") ? "sig=B" : "sig=A")))).toEqual(notFound);
    expect(route(valid.replace("/a-draft?", "/scheduled?"))).toEqual(notFound);
    expect(route(valid.replace(/&sig=.*/, ""))).toEqual(notFound);
    expect(route("/preview/a-draft")).toEqual(notFound);
    expect(route(linkTo("no-such-story"))).toEqual(notFound);
    // A story deleted, or taken down, after the link was made: not in the store, not found.
    expect(previewRoute(valid, { store: { current: () => ({ stories: [] }) }, storeDir, now })).toEqual(
      notFound,
    );
  });

  it("finds no link valid while there is no secret", () => {
    const empty = path.join(work, "empty-store");
    mkdirSync(empty, { recursive: true });
    expect(previewRoute(linkTo("a-draft"), { store, storeDir: empty, now })).toEqual({
      render: UNKNOWN_PATH,
      draft: false,
    });
  });
});

describe("draftModeId", () => {
  it("reads the build's draft-mode id from its prerender manifest, or null without one", () => {
    const build = path.join(work, "build");
    mkdirSync(build, { recursive: true });
    writeFileSync(
      path.join(build, "prerender-manifest.json"),
      JSON.stringify({ preview: { previewModeId: "abc123" } }),
    );
    expect(draftModeId(build)).toBe("abc123");
    expect(draftModeId(path.join(work, "nothing"))).toBeNull();
  });
});

describe("servePreview", () => {
  // What the handler after it (Next, here a stand-in that echoes what it was asked) sees, and
  // what the client gets: the preview's headers, whatever the handler set.
  const app = withServer((req, res) => {
    const decided = route(String(req.url));
    delete req.headers.cookie; // as refusals.mjs's dropClientControls does first
    if (decided && "render" in decided) servePreview(req, res, decided, "the-build-id");
    res.setHeader("Cache-Control", "public, max-age=60, s-maxage=2");
    res.setHeader("ETag", '"x"');
    res.setHeader("Set-Cookie", "a=b");
    res.writeHead(200, { "cache-control": "public, max-age=31536000" });
    res.end(JSON.stringify({ url: req.url, cookie: req.headers.cookie }));
  });

  it("asks Next for the story in draft mode, with the build's id as the only cookie", async () => {
    const reply = await send(`${app.url}${linkTo("a-draft")}`, {
      headers: { Cookie: "__prerender_bypass=guessed" },
    });
    expect(JSON.parse(reply.body.toString())).toEqual({
      url: "/stories/a-draft",
      cookie: "__prerender_bypass=the-build-id",
    });
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) {
      expect(reply.headers[name.toLowerCase()]).toBe(value);
    }
    expect(reply.headers.etag).toBeUndefined();
    expect(reply.headers["set-cookie"]).toBeUndefined();
  });

  it("asks Next for its 404 page, without draft mode, for a link that fails, still private", async () => {
    const reply = await send(`${app.url}/preview/a-draft?expires=99999999999&sig=${"A".repeat(43)}`);
    expect(JSON.parse(reply.body.toString())).toEqual({ url: UNKNOWN_PATH });
    expect(reply.headers["cache-control"]).toBe(PREVIEW_HEADERS["Cache-Control"]);
    expect(reply.headers["x-robots-tag"]).toBe(PREVIEW_HEADERS["X-Robots-Tag"]);
  });
});
