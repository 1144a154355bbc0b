import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export type ContentBuild = {
  status: number | null;
  output: string;
  /** Reads a generated document (e.g. "Article/stories__x.md.json") from this build. */
  generated: (file: string) => unknown;
  /** The folder of a document type's generated files, e.g. "Article". */
  generatedDir: (type: string) => string;
  cleanup: () => void;
};

/**
 * Runs the real `contentlayer2 build`, with the project's real schema, on a content folder,
 * in a scratch directory so it never touches the project's own .contentlayer output.
 */
export function buildContent(contentDir: string): ContentBuild {
  const work = mkdtempSync(path.join(tmpdir(), "broadsheet-content-"));
  for (const entry of ["contentlayer.config.ts", "site.config.ts", "schema", "package.json"]) {
    cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"));
  const result = spawnSync(
    process.execPath,
    [path.join(root, "scripts/contentlayer.mjs"), "build"],
    {
      cwd: work,
      // Contentlayer takes its working directory from PWD.
      env: { ...process.env, PWD: work, BROADSHEET_CONTENT_DIR: path.resolve(contentDir) },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    generated: (file) =>
      JSON.parse(readFileSync(path.join(work, ".contentlayer/generated", file), "utf8")),
    generatedDir: (type) => path.join(work, ".contentlayer/generated", type),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
