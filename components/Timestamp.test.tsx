import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Timestamp } from "./Timestamp";

const render = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Timestamp", () => {
  it("shows the date in the newsroom's time zone and gives machines the moment itself", () => {
    // 23:30 UTC on 7 June is past midnight in London: a London reader's date is the 8th.
    const html = render(<Timestamp at="2025-06-07T23:30:00Z" format="date" />);
    expect(html).toBe('<time dateTime="2025-06-07T23:30:00Z">8 June 2025</time>');
  });

  it("shows the time with its zone, summer or winter", () => {
    expect(render(<Timestamp at="2025-06-07T11:00:00.000Z" format="dateTime" />)).toContain(
      ">7 June 2025 at 12:00 BST<",
    );
    expect(render(<Timestamp at="2025-12-01T16:30:00.000Z" format="dateTime" />)).toContain(
      ">1 December 2025 at 16:30 GMT<",
    );
  });

  it("keeps the offset the moment was written with", () => {
    const html = render(<Timestamp at="2025-06-07T12:00:00+01:00" format="date" />);
    expect(html).toContain('dateTime="2025-06-07T12:00:00+01:00"');
  });

  it("takes a class, and adds none of its own", () => {
    expect(render(<Timestamp at="2025-06-07T11:00:00Z" format="date" className="text-muted" />)).toMatch(
      /^<time dateTime="[^"]+" class="text-muted">/,
    );
    expect(render(<Timestamp at="2025-06-07T11:00:00Z" format="date" />)).not.toContain("class=");
  });
});
