import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "./build-content";

const fixture = (name: string) => path.resolve(__dirname, "../fixtures", name);

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
  const doc = build.generated("Article/stories__hostile-markup.md.json") as {
    body: { html: string };
    headings: { level: number; text: string; id: string }[];
  };
  const html = doc.body.html;
  build.cleanup();

  it("builds", () => expect(build.status, build.output).toBe(0));

  it("drops scripts, frames, event handlers and inline styles", () => {
    expect(html).not.toMatch(/<script|<iframe|onerror|onclick|style=/i);
    expect(html).not.toContain("inline script");
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
