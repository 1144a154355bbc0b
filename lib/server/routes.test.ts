import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStore, STORE_FORMAT } from "../store.mjs";
import { answerGone, internalRoutes, takenDown } from "./routes.mjs";
import { send, withServer } from "./testing";

const work = mkdtempSync(path.join(tmpdir(), "broadsheet-routes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("internalRoutes", () => {
  it("reads the routes Next builds for itself from the build's manifests, and /index", () => {
    const build = path.join(work, "build");
    mkdirSync(path.join(build, "server"), { recursive: true });
    writeFileSync(
      path.join(build, "app-path-routes-manifest.json"),
      JSON.stringify({
        "/_not-found/page": "/_not-found",
        "/_global-error/page": "/_global-error",
        "/page": "/",
        "/stories/[slug]/page": "/stories/[slug]",
        "/feed.xml/route": "/feed.xml",
      }),
    );
    writeFileSync(
      path.join(build, "server", "pages-manifest.json"),
      JSON.stringify({ "/_app": "pages/_app.js", "/404": "pages/404.html", "/500": "pages/500.html" }),
    );
    expect([...internalRoutes(build)].sort()).toEqual(
      ["/index", "/_not-found", "/_global-error", "/_app", "/404", "/500"].sort(),
    );
  });

  it("is /index alone when the build has no manifests", () => {
    expect([...internalRoutes(path.join(work, "nothing"))]).toEqual(["/index"]);
  });
});

describe("takenDown", () => {
  // A store as scripts/publish.mjs writes it, with one story taken down.
  const dir = path.join(work, "store");
  mkdirSync(path.join(dir, "docs"), { recursive: true });
  const takedown = {
    slug: "a-withdrawn-story",
    removedAt: "2026-01-02T00:00:00Z",
    _raw: { sourceFilePath: "t.md" },
  };
  writeFileSync(path.join(dir, "docs", "t.json"), JSON.stringify(takedown));
  writeFileSync(
    path.join(dir, "manifest.json"),
    JSON.stringify({
      format: STORE_FORMAT,
      version: 1,
      id: "test",
      writtenAt: "2026-01-02T00:00:00Z",
      stories: {},
      authors: {},
      takedowns: { "a-withdrawn-story": { source: "t.md", doc: "t" } },
      sources: {},
    }),
  );
  const store = createStore({ dir, pollMs: 60_000 });

  it("knows a taken-down story's page and social image, and nothing else", () => {
    expect(takenDown("/stories/a-withdrawn-story", store)).toBe(true);
    expect(takenDown("/stories/a-withdrawn-story/social.png", store)).toBe(true);
    expect(takenDown("/stories/another-story", store)).toBe(false);
    // Everything under it: a live story's pages, entry permalinks and feeds.
    for (const under of ["page/2", "entries/entry-00003", "feed.xml", "other.png"]) {
      expect(takenDown(`/stories/a-withdrawn-story/${under}`, store), under).toBe(true);
    }
    expect(takenDown("/authors/a-withdrawn-story", store)).toBe(false);
    expect(takenDown("/stories/A-Withdrawn-Story", store)).toBe(false);
  });
});

describe("answerGone", () => {
  const app = withServer((req, res) => {
    answerGone(res);
    const status = Number(req.url!.slice(1));
    // "/implicit": a status set without writeHead, which Node writes when the body is sent.
    if (Number.isNaN(status)) res.statusCode = 200;
    else res.writeHead(status, { "Content-Type": "text/html" });
    res.end("This story was removed.");
  });

  it("turns Next's 200 or 404 into 410, with Next's page", async () => {
    for (const status of ["200", "implicit", "404"]) {
      const reply = await send(`${app.url}/${status}`);
      expect(reply.status, status).toBe(410);
      expect(reply.body.toString()).toBe("This story was removed.");
    }
  });

  it("leaves any other status", async () => {
    for (const status of [304, 500]) expect((await send(`${app.url}/${status}`)).status).toBe(status);
  });
});
