import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDER_NAMES, PROVIDERS } from "../../schema/embeds.mjs";
import { buildContent } from "./build-content";

const fixture = (name: string) => path.resolve(__dirname, "../fixtures", name);

/** A pattern matching this text literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** The fix for embed code that names no post: the sites, and an address to copy. */
const embedFix = literal(
  `for a ${PROVIDER_NAMES} video or post, put its address alone on its own line instead, like ${PROVIDERS.youtube.example}`,
);
const dropped = (what: string) => `field "body": ${literal(what)} cannot go in a story \\(the page would drop it without a word\\)`;

/**
 * Each invalid fixture must make the real content build fail, and the message must name the
 * broken file and the field, so that an editor can find and fix the mistake.
 */
const invalid: { name: string; file: string; field: RegExp }[] = [
  { name: "missing-field", file: "stories/no-headline.md", field: /field "headline": is missing; write the story's headline: headline: Talks resume in London/ },
  { name: "impossible-date", file: "stories/impossible-date.md", field: /field "published".*not a real date/ },
  { name: "unparseable-date", file: "stories/unparseable-date.md", field: /field "published".*"next Tuesday"/ },
  { name: "date-without-zone", file: "stories/date-without-zone.md", field: /field "published".*time zone/ },
  { name: "unknown-section", file: "stories/unknown-section.md", field: /field "section": "Wrld" is not a section/ },
  { name: "unknown-author", file: "stories/unknown-author.md", field: /field "author": no author "john-smith"/ },
  { name: "co-byline-unknown-authors", file: "stories/co-byline-unknown-authors.md", field: /field "authors": no author "nobody", no author "sam-le"; add .*authors\/nobody\.md and .*authors\/sam-le\.md or use one of: jane-doe, sam-lee/ },
  { name: "co-byline-repeated", file: "stories/co-byline-repeated.md", field: /field "authors": names "jane-doe" twice; list each author once/ },
  { name: "author-and-authors", file: "stories/author-and-authors.md", field: /field "authors": the story has both author and authors; keep one: author: jane-doe for one author, authors: \[jane-doe, sam-lee\] for several/ },
  { name: "no-author", file: "stories/no-author.md", field: /field "author": is missing; name who wrote the story: author: jane-doe .* or authors: \[jane-doe, sam-lee\] for several/ },
  { name: "duplicate-slug", file: "stories/2026/same-story.md", field: /field "slug": "same-story" is also the slug of .*stories\/2025\/same-story\.md/ },
  { name: "unknown-field", file: "stories/unknown-field.md", field: /extra fields:\s+• subtitle/ },
  { name: "unknown-document", file: "drafts/notes.md", field: /Couldn't determine the document type/ },
  { name: "body-h1", file: "stories/body-h1.md", field: /field "body": "# A second headline" is a level-1 heading/ },
  { name: "author-without-name", file: "authors/jane-doe.md", field: /field "name": is missing; write the author's full name/ },
  { name: "image-without-alt", file: "stories/image-without-alt.md", field: /field "image.alt": is empty; write what the image shows/ },
  { name: "image-missing-file", file: "stories/image-missing-file.md", field: /field "image.src": "\/images\/not-there.jpg" is not a file under public\// },
  { name: "image-incomplete", file: "stories/image-incomplete.md", field: /field "image.caption": is missing; write a caption\n.*field "image.credit": is missing; write who made it/ },
  // Every problem of a file at once: a missing field no longer hides the others.
  { name: "section-case", file: "stories/section-lower.md", field: /field "section": "world" is not a section; sections are written with a capital: section: World/ },
  { name: "author-name-not-slug", file: "stories/author-name.md", field: /field "author": no author "Jane Doe"; write the name of the author's file in content\/authors without \.md: jane-doe/ },
  { name: "updated-before-dated", file: "stories/updated-only.md", field: /field "updated": is set, but the story has no published time yet; remove updated/ },
  { name: "many-problems", file: "stories/many-problems.md", field: /field "standfirst": is missing.*\n.*field "published": "2025-06-31T12:00:00\+01:00" is not a real date.*\n.*field "section": "Wrld" is not a section.*\n.*field "author": no author "jane-deo".*\n.*field "topics": is missing; list what the story is about/ },
  { name: "correction-bad-date", file: "stories/correction-bad-date.md", field: /field "corrections": entry 1: date .* not a real date/ },
  { name: "correction-in-future", file: "stories/correction-in-future.md", field: /field "corrections": entry 1: 2099-01-01T00:00:00Z is in the future/ },
  { name: "topic-without-letters", file: "stories/topic-without-letters.md", field: /field "topics": "!!!" has no letters or digits/ },
  { name: "blank-headline", file: "stories/blank-headline.md", field: /field "headline": is empty/ },
  { name: "duplicate-story", file: "stories/trade-talks.md", field: /stories\/trade-talks\.md: field "body": the same text as .*stories\/trade-talks-copy\.md; a story in two files is published twice/ },
  { name: "wrong-extension", file: "stories/trade.mdx", field: /stories\/trade\.mdx: has the extension "\.mdx"; stories, authors and takedowns are Markdown files ending in \.md: rename it to .*stories\/trade\.md/ },
  { name: "body-only-comment", file: "stories/body-only-comment.md", field: /field "body": is empty; write the story/ },
  { name: "updated-before-published", file: "stories/updated-before-published.md", field: /field "updated": .* is before the story was published/ },
  { name: "stray-file", file: "stories/notes.txt", field: /is neither a story \(stories\/\*\.md\), an author/ },
  { name: "author-bad-link", file: "authors/jane-doe.md", field: /field "links": "javascript:alert\(1\)" is not a web address/ },
  { name: "author-missing-picture", file: "authors/jane-doe.md", field: /field "picture": "\/authors\/nobody.jpg" is not a file under public\// },
  // Embed code the sanitiser used to strip without a word (schema/embed-cards.ts).
  { name: "embed-iframe", file: "stories/embed-iframe.md", field: new RegExp(`${dropped('an <iframe> "https://www.youtube.com/embed/aqz-KE-bpKQ"')}; put the video's address alone on its own line instead: https://www\\.youtube\\.com/watch\\?v=aqz-KE-bpKQ`) },
  { name: "embed-iframe-elsewhere", file: "stories/embed-iframe-elsewhere.md", field: new RegExp(`${dropped('an <iframe> "https://maps.example.com/embed?q=London"')}; ${embedFix}; anything else cannot be embedded: link to it`) },
  { name: "embed-tweet-snippet", file: "stories/embed-tweet-snippet.md", field: new RegExp(`${dropped(`X's embed code (<blockquote class="twitter-tweet">)`)}; put the post's address alone on its own line instead: https://x\\.com/i/status/1234567890123456789[\\s\\S]*${dropped('a <script> "https://platform.twitter.com/widgets.js"')}: a story runs no scripts; delete it$`, "m") },
  { name: "embed-instagram-snippet", file: "stories/embed-instagram-snippet.md", field: new RegExp(`${dropped(`Instagram's embed code (<blockquote class="instagram-media">)`)}; put the post's address alone on its own line instead: https://www\\.instagram\\.com/p/C1a2B3c4D5e/`) },
  { name: "embed-bluesky-snippet", file: "stories/embed-bluesky-snippet.md", field: new RegExp(`${dropped(`Bluesky's embed code (<blockquote class="bluesky-embed">)`)}; put the post's address alone on its own line instead: https://bsky\\.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kj2umze7zj2n`) },
  { name: "embed-script", file: "stories/embed-script.md", field: new RegExp(`${dropped("a <script>")}: a story runs no scripts; delete it; ${embedFix}`) },
  { name: "embed-object", file: "stories/embed-object.md", field: new RegExp(`${dropped("an <object>")}; ${embedFix}`) },
  { name: "embed-video", file: "stories/embed-video.md", field: new RegExp(`${dropped('a <video> "https://cdn.example.com/clip.mp4"')}; link to the file instead, or for a YouTube or Vimeo video put its address alone on its own line, like ${literal(PROVIDERS.youtube.example)}`) },
  { name: "embed-bluesky-handle", file: "stories/embed-bluesky-handle.md", field: new RegExp(`field "body": "https://bsky\\.app/profile/jay\\.bsky\\.team/post/3kj2umze7zj2n", alone on its line, names the post's author by handle \\("jay\\.bsky\\.team"\\); Bluesky's embed needs the author's DID.*Write the address with it, like ${literal(PROVIDERS.bluesky.example)}`) },
  { name: "embed-not-a-video", file: "stories/embed-not-a-video.md", field: new RegExp(`field "body": "https://www\\.youtube\\.com/watch\\?v=too-short", alone on its line, is not the address of a YouTube video; write one like ${literal(PROVIDERS.youtube.example)}`) },
  // Live coverage's entries (content/live/<story>/<entry>.md): every rule of a story, naming the entry's file.
  { name: "entry-no-time", file: "live/talks-live/20250607-120000-no-time.md", field: /field "time": is missing; write when the entry was posted: time: / },
  { name: "entry-future-time", file: "live/talks-live/20990101-000000-future.md", field: /field "time": 2099-01-01T00:00:00Z is in the future; an entry is dated when it is posted/ },
  { name: "entry-embed-code", file: "live/talks-live/20250607-120000-embed.md", field: new RegExp(`${dropped('an <iframe> "https://www.youtube.com/embed/aqz-KE-bpKQ"')}; put the video's address alone on its own line instead: https://www\\.youtube\\.com/watch\\?v=aqz-KE-bpKQ`) },
  { name: "entry-image-missing", file: "live/talks-live/20250607-120000-image.md", field: /field "body": image "\/images\/not-there\.jpg" is not a file under public\/; put the image at public\/images\/not-there\.jpg, or correct the path/ },
  { name: "entry-unknown-field", file: "live/talks-live/20250607-120000-unknown.md", field: /extra fields:\s+• headline/ },
  { name: "entry-empty-body", file: "live/talks-live/20250607-120000-empty.md", field: /field "body": is empty; write the entry/ },
  { name: "entry-without-story", file: "live/no-such-story/20250607-120000-orphan.md", field: /is an entry of "no-such-story", but there is no story with that file name; move it to live\/<story>\// },
  { name: "entry-story-not-live", file: "live/talks-live/20250607-120000-not-live.md", field: /is an entry of "talks-live", which is not live; add live: true to the story/ },
  { name: "entry-title-too-long", file: "live/talks-live/20250607-120000-long.md", field: /field "title": 201 characters; the limit is 200; shorten it/ },
];

describe("content build rejects malformed content", () => {
  it.each(invalid)("$name: fails naming $file", ({ name, file, field }) => {
    const build = buildContent(fixture(`invalid/${name}`));
    try {
      expect(build.status, build.output).toBe(1);
      expect(build.output).toContain(file);
      expect(build.output).toMatch(field);
    } finally {
      build.cleanup();
    }
  });
});

describe("story markup is sanitised", () => {
  const build = buildContent(fixture("valid-hostile-markup"));
  const doc = build.generated("Story/stories__hostile-markup.md.json") as {
    body: { html: string };
    headings: { level: number; text: string; id: string }[];
  };
  const html = doc.body.html;
  build.cleanup();

  it("builds", () => expect(build.status, build.output).toBe(0));

  it("drops event handlers and inline styles (scripts and frames fail the check: see the embed fixtures)", () => {
    expect(html).not.toMatch(/onerror|onclick|style=/i);
  });

  it("neutralises javascript: links but keeps their words", () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain("a javascript link");
    expect(html).toContain("a raw javascript link");
  });

  it("keeps harmless markup and text", () => {
    expect(html).toContain("<sup>2</sup>");
    expect(html).toContain("<kbd>Ctrl</kbd>");
    expect(html).toContain("Boxed words stay.");
  });

  it("never lets a story add a second h1, but keeps its words", () => {
    expect(html).not.toMatch(/<h1/i);
    expect(html).toContain("A raw level-one heading");
  });

  it("links footnotes to their notes and back", () => {
    const refs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) expect(ids, `#${ref} has no target`).toContain(ref);
    expect(html).toContain("The source of the claim.");
  });

  it("gives headings the ids the table of contents links to", () => {
    expect(doc.headings).toEqual([
      { level: 2, text: "Heading one", id: "heading-one" },
      { level: 3, text: "Sub heading", id: "sub-heading" },
      { level: 2, text: "Heading one", id: "heading-one-1" },
      { level: 2, text: "Rates 2 and more", id: "rates-2-and-more" },
    ]);
    for (const { id } of doc.headings) {
      expect(html).toContain(`id="${id}"><a class="heading-link" href="#${id}">`);
    }
  });
});

describe("a line holding only a video's or post's address becomes an embed card", () => {
  const build = buildContent(fixture("valid-embeds"));
  const doc = build.generated("Story/stories__embeds.md.json") as {
    body: { html: string };
    embeds: { provider: string; id: string }[];
  };
  const html = doc.body.html;
  build.cleanup();
  const cards = [...html.matchAll(/<div class="embed" data-embed="([^"]+)" data-embed-id="([^"]+)">([\s\S]*?)<\/div>/g)];

  it("builds", () => expect(build.status, build.output).toBe(0));

  it("for each provider and each form of address; the card is the link itself, under what it leads to", () => {
    expect(cards.map((m) => [m[1], m[2]])).toEqual([
      ["youtube", "aqz-KE-bpKQ"],
      ["youtube", "aqz-KE-bpKQ"],
      ["vimeo", "76979871"],
      ["x", "1234567890123456789"],
      ["x", "1234567890123456789"],
      ["bluesky", "did:plc:z72i7hdynmk6r22z27h6tvur/3kj2umze7zj2n"],
      ["instagram", "C1a2B3c4D5e"],
    ]);
    expect(doc.embeds).toEqual(cards.map((m) => ({ provider: m[1], id: m[2] })));
    expect(cards[0][3]).toBe(
      `<p class="embed-label">${PROVIDERS.youtube.name} video</p>\n<p class="embed-link"><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">https://www.youtube.com/watch?v=aqz-KE-bpKQ</a></p>`,
    );
    expect(cards[4][3]).toContain(`<p class="embed-label">${PROVIDERS.x.name} post</p>`);
    expect(cards[4][3]).toContain('<a href="https://twitter.com/NASA/status/1234567890123456789?s=20">');
  });

  it("loads nothing by itself: no frame, no script, no image", () => {
    expect(html).not.toMatch(/<(iframe|script|img)/);
  });

  it("leaves other links alone: in a sentence, with words of their own, in a list, to another site or to a channel", () => {
    expect(html).toContain(
      '<p>A link in a sentence stays a link: <a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">https://www.youtube.com/watch?v=aqz-KE-bpKQ</a> says so.</p>',
    );
    expect(html).toContain('<p><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">The launch on YouTube</a></p>');
    expect(html).toContain('<li><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">');
    expect(html).toContain('<p><a href="https://example.com/not-a-provider">https://example.com/not-a-provider</a></p>');
    // A provider's page that is no video or post (a channel) is an ordinary link too.
    expect(html).toContain('<p><a href="https://www.youtube.com/@NASA">https://www.youtube.com/@NASA</a></p>');
  });
});
