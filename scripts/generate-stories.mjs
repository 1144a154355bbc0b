#!/usr/bin/env node
/**
 * Writes N synthetic stories, clearly marked as test data, into a content folder of their own
 * (never content/), for tests and benchmarks at scale:
 *
 *   node scripts/generate-stories.mjs --count 1000 --out .synthetic/content-1000
 *
 * The output is deterministic for a given count. Every story has the synthetic author, a
 * section from site.config.ts, two to four topics from a fixed list, two section headings and
 * about 400 words. A few stories carry planted words that tests search for.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { count: { type: "string" }, out: { type: "string" }, newest: { type: "string" } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  console.error("usage: generate-stories.mjs --count N --out DIR [--newest ISO-DATE-TIME]");
  process.exit(2);
}
const out = path.resolve(values.out);
const realContent = path.resolve(import.meta.dirname, "..", "content");
if (out === realContent || out.startsWith(realContent + path.sep)) {
  console.error("refusing to write synthetic stories into content/: that is the real publication");
  process.exit(2);
}

// A small deterministic PRNG (mulberry32), so the same count always gives the same stories.
let seed = 20250607;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

export const SECTIONS = ["World", "Politics", "Business", "Technology", "Science", "Culture"];
export const TOPICS = [
  "Trade",
  "Tariffs",
  "Elections",
  "Energy",
  "Climate",
  "Health",
  "Education",
  "Housing",
  "Transport",
  "Labour",
  "Markets",
  "Banking",
  "Startups",
  "Artificial intelligence",
  "Cybersecurity",
  "Space",
  "Oceans",
  "Wildlife",
  "Film",
  "Music",
  "Books",
  "Theatre",
  "Diplomacy",
  "Defence",
  "Courts",
  "Migration",
  "Agriculture",
  "Water",
  "Cities",
  "Sport",
];
const WORDS = (
  "report council minister market growth policy research data city region official plan " +
  "budget vote court agency study network supply price energy project school hospital " +
  "river harbour factory museum festival season league worker farmer engineer scientist " +
  "analyst committee treaty border port railway bridge tower garden library archive signal " +
  "measure forecast quarter figure record estimate survey sample trial result evidence"
).split(" ");

const sentence = () => {
  const n = 10 + Math.floor(random() * 12);
  const words = Array.from({ length: n }, () => pick(WORDS));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(" ")}.`;
};
const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(" ");
const pad = (i) => String(i).padStart(5, "0");

/** Words that appear nowhere else, planted where the search ranking tests expect them. */
const PLANTED = [
  { story: 3, field: "headline", word: "Quokka" },
  { story: 5, field: "standfirst", word: "quokka" },
  { story: 7, field: "body", word: "quokka" },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "authors"), { recursive: true });
mkdirSync(path.join(out, "stories"), { recursive: true });
writeFileSync(
  path.join(out, "authors/synthetic-author.md"),
  "---\nname: Synthetic Author\nrole: Test data\nbio: Not a real person. Every story by this author is generated test data.\n---\n",
);

// Stories are an hour apart, newest first from a fixed date (so every run dates them the same)
// or from --newest, for tests of what depends on the time, such as the news sitemap.
const newest = Date.parse(values.newest ?? "2025-06-01T12:00:00Z");
if (Number.isNaN(newest)) {
  console.error(`--newest: "${values.newest}" is not a date-time`);
  process.exit(2);
}
for (let i = 1; i <= count; i++) {
  const planted = (field) => PLANTED.find((p) => p.story === i && p.field === field)?.word;
  const section = SECTIONS[(i * 7) % SECTIONS.length];
  const topics = new Set();
  const wanted = 2 + Math.floor(random() * 3);
  while (topics.size < wanted) topics.add(pick(TOPICS));
  // Two spellings of one topic, which must land on one topic page.
  if (i === 2) topics.add("Rare earths");
  if (i === 4) topics.add("rare  Earths");
  // Story 9's headline has characters the social-image fonts lack: its image must still build offline.
  const words = i === 9 ? "🌍 世界 Zürich café" : `${pick(WORDS)} ${pick(WORDS)}`;
  const headline = `Synthetic story ${pad(i)}: ${planted("headline") ?? pick(WORDS)} ${words}`;
  const standfirst = `Test data, not news. ${planted("standfirst") ?? ""} ${sentence()}`.replace(/\s+/g, " ");
  const published = new Date(newest - (i - 1) * 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
  const body = [
    paragraph(),
    `## ${pick(WORDS)} ${pick(WORDS)}`,
    paragraph() + (planted("body") ? ` The ${planted("body")} appears here.` : ""),
    paragraph(),
    `## ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
    paragraph(),
  ].join("\n\n");
  const frontMatter = [
    "---",
    `headline: "${headline}"`,
    `standfirst: "${standfirst}"`,
    `published: ${published}`,
    "author: synthetic-author",
    `section: ${section}`,
    "topics:",
    ...[...topics].map((t) => `  - ${t}`),
    "---",
  ].join("\n");
  writeFileSync(path.join(out, `stories/synthetic-${pad(i)}.md`), `${frontMatter}\n\n${body}\n`);
}
console.log(`wrote ${count} synthetic stories to ${path.relative(process.cwd(), out)}`);
