import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { generatedDir } from "../../schema/generated.mjs";

const root = path.resolve(__dirname, "../..");

export type ContentBuild = {
  status: number | null;
  output: string;
  /** Reads a generated document (e.g. "Story/stories__x.md.json") from this build. */
  generated: (file: string) => unknown;
  /** The folder of a document type's generated files, e.g. "Story". */
  generatedDir: (type: string) => string;
  cleanup: () => void;
};

/** A scratch copy of what the content build needs, so tests never touch the project's output. */
export function scratchWorkspace(): string {
  const work = mkdtempSync(path.join(tmpdir(), "broadsheet-content-"));
  // lib/url.mjs: the stories' and authors' url fields are made with its builders.
  for (const entry of ["contentlayer.config.ts", "site.config.mjs", "lib/url.mjs", "schema", "package.json", "public"]) {
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"));
  return work;
}

/** Runs one of the project's scripts in a workspace, on a content folder. */
export function runScript(
  script: string,
  args: string[],
  work: string,
  contentDir: string,
  env: Record<string, string> = {},
) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], {
    cwd: work,
    // Contentlayer takes its working directory from PWD.
    env: { ...process.env, PWD: work, BROADSHEET_CONTENT_DIR: path.resolve(contentDir), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Runs the real content build, with the project's real schema, on a content folder, in a scratch
 * directory so it never touches the project's own .contentlayer output.
 */
export function buildContent(contentDir: string): ContentBuild {
  const work = scratchWorkspace();
  const { status, output } = runScript("scripts/contentlayer.mjs", ["build"], work, contentDir);
  return {
    status,
    output,
    generated: (file) => JSON.parse(readFileSync(path.join(generatedDir(work), file), "utf8")),
    generatedDir: (type) => path.join(generatedDir(work), type),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/**
 * Publishes a content folder into a store of its own, as `npm run publish -- --all` does, for
 * tests of what lib/content.ts serves from it: point BROADSHEET_STORE at `store` before the
 * first read.
 */
export function publishContent(contentDir: string, workspace?: string) {
  const work = workspace ?? scratchWorkspace();
  const store = path.join(work, "store");
  const { status, output } = runScript("scripts/publish.mjs", ["--all", "--quiet"], work, contentDir, {
    BROADSHEET_STORE: store,
  });
  const cleanup = () => rmSync(workspace ? store : work, { recursive: true, force: true });
  return { status, output, store, cleanup };
}

/**
 * For a test file of lib/ code that reads content through lib/content.ts: publishes a content
 * folder before the file's tests, and serves it to them. `workspace`: a scratch workspace of the
 * test's own (its public/ holding the content's images), else a new one.
 */
export function servePublishedContent(contentDir: string, workspace?: string) {
  let published: ReturnType<typeof publishContent> | undefined;
  beforeAll(() => {
    published = publishContent(contentDir, workspace);
    expect(published.status, published.output).toBe(0);
    process.env.BROADSHEET_STORE = published.store;
  });
  afterAll(() => published?.cleanup());
}
