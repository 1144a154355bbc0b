/**
 * A realistic corpus for the search planner's test and benchmark: stories from
 * scripts/generate-stories.mjs (English words as often as English uses them, names and places),
 * indexed as lib/search.ts indexes the site's.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import MiniSearch from "minisearch";
import { foldTerm, searchIndexOptions, type SearchDocument } from "@/schema/search";
import { NEWEST_ONLY } from "./search-plan";

export type Corpus = {
  index: MiniSearch<SearchDocument>;
  newest: Set<string>;
  /** The words in the most stories, commonest first. */
  common: string[];
};

export function buildCorpus(stories: number): Corpus {
  const dir = mkdtempSync(path.join(os.tmpdir(), "search-corpus-"));
  try {
    const out = path.join(dir, "content");
    const run = spawnSync(
      process.execPath,
      [path.resolve("scripts/generate-stories.mjs"), "--count", String(stories), "--out", out],
      { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`generate-stories.mjs failed: ${run.stderr}`);
    const docs = readdirSync(path.join(out, "stories")).map((file) => {
      const [, front, body] = readFileSync(path.join(out, "stories", file), "utf8").split(/^---$/m);
      return {
        slug: file.replace(/\.md$/, ""),
        headline: /^headline: "(.*)"$/m.exec(front)![1],
        standfirst: /^standfirst: "(.*)"$/m.exec(front)![1],
        topics: [...front.matchAll(/^ {2}- (.*)$/gm)].map((m) => m[1]).join(" "),
        text: body,
        published: /^published: (.*)$/m.exec(front)![1],
      };
    });
    const index = new MiniSearch<SearchDocument>(searchIndexOptions);
    index.addAll(docs);
    const newest = new Set(
      [...docs]
        .sort((a, b) => b.published.localeCompare(a.published))
        .slice(0, NEWEST_ONLY)
        .map((d) => d.slug),
    );
    const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
    const storiesWith = new Map<string, number>();
    for (const d of docs) {
      for (const w of new Set(tokenize(d.text).map(foldTerm)))
        if (w) storiesWith.set(w, (storiesWith.get(w) ?? 0) + 1);
    }
    const common = [...storiesWith].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    return { index, newest, common };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
