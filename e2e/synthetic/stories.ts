import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { slug } from "github-slugger";
import { RELATED_STORIES_COUNT } from "../../site.config.mjs";
import { SYNTHETIC } from "../env";

/**
 * The synthetic stories as the generator wrote them, read straight from their files: the
 * oracle the tests compare the built site with, independent of lib/.
 */
export type SyntheticStory = {
  slug: string;
  url: string;
  headline: string;
  standfirst: string;
  published: number;
  section: string;
  topics: string[];
  /** Author slugs in byline order: `author: x`, or the list under `authors:`. */
  authors: string[];
  draft: boolean;
};

/** Every generated story, drafts and scheduled ones included. */
export function readAllSyntheticStories(): SyntheticStory[] {
  const dir = path.join(SYNTHETIC.dir, "content", "stories");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const field = (name: string) => new RegExp(`^${name}: "?(.*?)"?$`, "m").exec(text)![1];
      const topics = [...text.split("---")[1].matchAll(/^ {2}- (.+)$/gm)].map((m) =>
        slug(m[1].trim().replace(/\s+/g, " ")),
      );
      const name = file.replace(/\.md$/, "");
      return {
        slug: name,
        url: `/stories/${name}`,
        headline: field("headline"),
        standfirst: field("standfirst"),
        published: Date.parse(field("published")),
        section: field("section"),
        topics,
        authors:
          /^author: (.+)$/m.exec(text)?.[1].split(" ") ??
          [...(/^authors:\n((?: {2}- .+\n)+)/m.exec(text)?.[1].matchAll(/- (.+)/g) ?? [])].map((m) => m[1]),
        draft: /^draft: true$/m.test(text),
      };
    })
    .sort((a, b) => b.published - a.published);
}

/** What a production build publishes: no drafts, nothing scheduled for later. */
export const isPublished = (s: SyntheticStory) => !s.draft && s.published <= Date.now();

export const readSyntheticStories = () => readAllSyntheticStories().filter(isPublished);

/** Brute force, for comparison with lib/related.ts's indexed top-k. */
export function expectedRelated(
  story: SyntheticStory,
  all: SyntheticStory[],
  count = RELATED_STORIES_COUNT,
): string[] {
  const scored = all
    .filter((other) => other !== story)
    .map((other) => {
      const shared = other.topics.filter((t) => story.topics.includes(t)).length;
      return { other, shared, score: shared * 2 + (other.section === story.section ? 1 : 0) };
    });
  const byScore = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.score - a.score || b.other.published - a.other.published;
  const sharing = scored.filter((s) => s.shared > 0).sort(byScore);
  const sameSection = scored.filter((s) => s.shared === 0 && s.other.section === story.section).sort(byScore);
  return [...sharing, ...sameSection].slice(0, count).map((s) => s.other.headline);
}

/** An author's name, from their file as the generator wrote it. */
export const syntheticAuthorName = (slug: string) =>
  /^name: (.+)$/m.exec(
    readFileSync(path.join(SYNTHETIC.dir, "content", "authors", `${slug}.md`), "utf8"),
  )![1];

/** An entry of a synthetic live story, as the generator wrote it (content/live/<slug>/). */
export type SyntheticEntry = {
  id: string;
  time: number;
  title?: string;
  key: boolean;
  pinned: boolean;
  text: string;
};

/** A live story's entries read from their files, newest first (the same time: by file name, last first). */
export function readLiveEntries(storySlug: string): SyntheticEntry[] {
  const dir = path.join(SYNTHETIC.dir, "content", "live", storySlug);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const [, front, body] = text.split("---");
      return {
        id: file.replace(/\.md$/, ""),
        time: Date.parse(/^time: (.+)$/m.exec(front)![1]),
        title: /^title: "(.*)"$/m.exec(front)?.[1],
        key: /^key: true$/m.test(front),
        pinned: /^pinned: true$/m.test(front),
        text: body.trim(),
      };
    })
    .sort((a, b) => b.time - a.time || b.id.localeCompare(a.id));
}

/** A story's `coverageEnd`, from its file (undefined while its coverage runs). */
export const readCoverageEnd = (storySlug: string): number | undefined => {
  const text = readFileSync(path.join(SYNTHETIC.dir, "content", "stories", `${storySlug}.md`), "utf8");
  const end = /^coverageEnd: (.+)$/m.exec(text)?.[1];
  return end ? Date.parse(end) : undefined;
};
