import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createStore, dueCount, isPublic, STORE_FORMAT, validFrom, type Snapshot } from "./store.mjs";

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

/** A store folder written the way scripts/publish.mjs writes it. */
function storeWith(
  dir: string,
  version: number,
  stories: Record<string, { publishedAt: string; draft?: boolean; headline: string }>,
) {
  mkdirSync(path.join(dir, "docs"), { recursive: true });
  const entries: Record<string, { source: string; doc: string }> = {};
  for (const [slug, fields] of Object.entries(stories)) {
    const doc = `${slug}-${fields.headline.length}-${fields.publishedAt}`.replace(/[^a-z0-9-]/gi, "");
    const source = `stories/${slug}.md`;
    writeFileSync(
      path.join(dir, "docs", `${doc}.json`),
      JSON.stringify({ slug, ...fields, _raw: { sourceFilePath: source } }),
    );
    entries[slug] = { source, doc };
  }
  const manifest = {
    format: STORE_FORMAT,
    version,
    writtenAt: at(Date.now() - 60_000),
    stories: entries,
    authors: {},
    takedowns: {},
    sources: {},
  };
  // As the publisher does: a new file renamed over the old, so the watcher sees a new inode.
  rmSync(path.join(dir, "manifest.json"), { force: true });
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-store-"));
  dirs.push(dir);
  return dir;
};

describe("isPublic", () => {
  const now = Date.parse("2026-06-01T12:00:00Z");
  it("is public once its time has come, and never as a draft", () => {
    expect(isPublic({ publishedAt: at(now - 1) }, now)).toBe(true);
    expect(isPublic({ publishedAt: at(now) }, now)).toBe(true);
    expect(isPublic({ publishedAt: at(now + 1) }, now)).toBe(false);
    expect(isPublic({ publishedAt: at(now - HOUR), draft: true }, now)).toBe(false);
  });
});

describe("validFrom", () => {
  const snapshot = (changedAt: number, times: number[]) =>
    ({ changedAt, dueTimes: times }) as unknown as Snapshot;
  it("moves when a scheduled story comes due, and not before", () => {
    const s = snapshot(1_000, [500, 5_000, 9_000]);
    expect(dueCount(s, 4_999)).toBe(1);
    expect(validFrom(s, 4_999)).toBe(1_000);
    expect(dueCount(s, 5_000)).toBe(2);
    expect(validFrom(s, 5_000)).toBe(5_000);
    expect(validFrom(s, 20_000)).toBe(9_000);
  });
});

describe("createStore", () => {
  it("loads the manifest, then only what changed; keeps unchanged documents as the same objects", () => {
    const dir = tempDir();
    const old = at(Date.now() - HOUR);
    storeWith(dir, 1, { a: { publishedAt: old, headline: "A" }, b: { publishedAt: old, headline: "B" } });
    const store = createStore({ dir, pollMs: 60_000 });
    const first = store.current();
    expect(first.version).toBe(1);
    expect(first.stories.map((a) => a.slug).sort()).toEqual(["a", "b"]);

    storeWith(dir, 2, {
      a: { publishedAt: old, headline: "A" },
      b: { publishedAt: old, headline: "B, corrected" },
    });
    store.refresh();
    const second = store.current();
    expect(second.version).toBe(2);
    expect(second.stories.find((a) => a.slug === "a")).toBe(first.stories.find((a) => a.slug === "a"));
    expect((second.stories.find((a) => a.slug === "b") as unknown as { headline: string }).headline).toBe(
      "B, corrected",
    );
    expect(second.changedAt).toBeGreaterThan(first.changedAt);
    store.close();
  });

  it("keeps serving the last good content when a manifest names a document that is missing", () => {
    const dir = tempDir();
    storeWith(dir, 1, { a: { publishedAt: at(Date.now() - HOUR), headline: "A" } });
    const store = createStore({ dir, pollMs: 60_000 });
    const manifest = {
      format: STORE_FORMAT,
      version: 2,
      writtenAt: at(Date.now()),
      stories: { a: { source: "stories/a.md", doc: "nowhere" } },
      authors: {},
      takedowns: {},
      sources: {},
    };
    rmSync(path.join(dir, "manifest.json"));
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    store.refresh();
    expect(store.current().version).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("content-error"));
    store.close();
  });

  it("refuses to start without a store, saying how to make one", () => {
    expect(() => createStore({ dir: path.join(tempDir(), "none") })).toThrow(/npm run publish/);
  });
});
