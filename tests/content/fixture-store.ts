import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { servePublishedContent } from "./build-content";

export type FixtureAuthor = { slug: string; name: string };
export type FixtureStory = {
  slug: string;
  headline: string;
  published: string;
  authors: string[];
  section: string;
  topics: string[];
  standfirst?: string;
  body?: string;
  draft?: boolean;
  live?: boolean;
};
export type FixtureEntry = {
  story: string;
  /** The entry's file name without .md: its id. */
  id: string;
  time: string;
  body: string;
  title?: string;
  pinned?: boolean;
  key?: boolean;
};

/** A YAML value that reads back as exactly this string. */
const quoted = (value: string) => JSON.stringify(value);

/**
 * Serves fixture content, written out as an editor would and published with the real `npm run
 * publish` (the real schema, its checks and the real store), to the tests of a lib/ module that
 * reads content through lib/content.ts: for content a test makes up as it goes (dates relative
 * to now, entries by the page-full); fixed content is a folder in tests/fixtures/.
 */
export function serveFixtures(content: {
  authors: FixtureAuthor[];
  stories: FixtureStory[];
  entries?: FixtureEntry[];
}) {
  const contentDir = mkdtempSync(path.join(tmpdir(), "broadsheet-fixtures-"));
  for (const dir of ["authors", "stories"]) mkdirSync(path.join(contentDir, dir), { recursive: true });
  for (const author of content.authors) {
    writeFileSync(path.join(contentDir, `authors/${author.slug}.md`), `---\nname: ${quoted(author.name)}\n---\n`);
  }
  for (const story of content.stories) {
    const lines = [
      `headline: ${quoted(story.headline)}`,
      `standfirst: ${quoted(story.standfirst ?? `What happened: ${story.headline}.`)}`,
      `published: ${story.published}`,
      `authors: [${story.authors.join(", ")}]`,
      `section: ${story.section}`,
      `topics: [${story.topics.map(quoted).join(", ")}]`,
      ...(story.draft ? ["draft: true"] : []),
      ...(story.live ? ["live: true"] : []),
    ];
    const body = story.body ?? `A paragraph about ${story.headline.toLowerCase()}.`;
    writeFileSync(path.join(contentDir, `stories/${story.slug}.md`), `---\n${lines.join("\n")}\n---\n\n${body}\n`);
  }
  for (const entry of content.entries ?? []) {
    const dir = path.join(contentDir, "live", entry.story);
    mkdirSync(dir, { recursive: true });
    const lines = [
      `time: ${entry.time}`,
      ...(entry.title ? [`title: ${quoted(entry.title)}`] : []),
      ...(entry.pinned ? ["pinned: true"] : []),
      ...(entry.key ? ["key: true"] : []),
    ];
    writeFileSync(path.join(dir, `${entry.id}.md`), `---\n${lines.join("\n")}\n---\n\n${entry.body}\n`);
  }
  servePublishedContent(contentDir);
  afterAll(() => rmSync(contentDir, { recursive: true, force: true }));
}
