import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Dateline } from "./Dateline";

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
