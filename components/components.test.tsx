import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import { Avatar } from "./Avatar";
import { Dateline } from "./Dateline";
import { TableOfContents } from "./TableOfContents";

describe("Avatar", () => {
  it("draws initials, named for assistive technology, when there is no picture", () => {
    const html = renderToStaticMarkup(<Avatar name="Nathan Morgan" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Nathan Morgan"');
    expect(html).toContain(">NM<");
  });

  it("shows the picture, with the author's name as its text alternative", () => {
    const html = renderToStaticMarkup(<Avatar name="Jane Doe" picture="/authors/jane-doe.jpg" />);
    expect(html).toMatch(/<img[^>]+src="\/authors\/jane-doe.jpg"/);
    expect(html).toContain('alt="Jane Doe"');
    expect(html).not.toContain("JD");
  });
});

describe("Dateline", () => {
  it("shows only the publication date when the story was never updated", () => {
    const html = renderToStaticMarkup(<Dateline published="2025-06-07T11:00:00.000Z" readingMinutes={2} />);
    expect(html).toContain('<time dateTime="2025-06-07T11:00:00.000Z">7 June 2025</time>');
    expect(html).not.toContain("Updated");
    expect(html).toContain("2 min read");
  });

  it("adds the update time, in the newsroom's time zone, when there is one", () => {
    const html = renderToStaticMarkup(
      <Dateline published="2025-06-07T11:00:00.000Z" updated="2025-12-01T16:30:00.000Z" readingMinutes={4} />,
    );
    expect(html).toContain(
      'Updated <time dateTime="2025-12-01T16:30:00.000Z">1 December 2025 at 16:30 GMT</time>',
    );
  });
});

describe("TableOfContents", () => {
  it("is left out for a story with fewer than two headings", () => {
    expect(
      renderToStaticMarkup(<TableOfContents headings={[{ level: 2, text: "Only", id: "only" }]} />),
    ).toBe("");
  });
});

describe("error page", () => {
  it("says something went wrong without revealing the error", () => {
    const error = Object.assign(new Error("ENOENT: /srv/secret/path.json"), { digest: "12345" });
    const html = renderToStaticMarkup(<ErrorPage error={error} retry={() => {}} />);
    expect(html).toContain("Sorry, something went wrong");
    expect(html).not.toMatch(/ENOENT|secret|12345/);
  });
});
