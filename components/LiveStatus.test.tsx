import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Story } from "@/lib/content";
import { formatDateTime } from "@/lib/format";
import { LiveStatus } from "./LiveStatus";

const endedAt = "2025-06-08T18:00:00.000Z";

describe("LiveStatus", () => {
  it("says Live, in words, while the coverage runs", () => {
    const html = renderToStaticMarkup(<LiveStatus story={{ live: true } as Story} liveNow />);
    expect(html).toContain('<span class="live-label">Live</span>');
  });

  it("says when the coverage ended", () => {
    const story = { live: true, coverageEndAt: endedAt } as Story;
    const html = renderToStaticMarkup(<LiveStatus story={story} liveNow={false} />);
    expect(html).toContain(
      `Live coverage ended <time dateTime="${endedAt}">${formatDateTime(endedAt)}</time>`,
    );
    expect(html).not.toContain("live-label");
  });

  it("is nothing on a story that is not live coverage", () => {
    expect(renderToStaticMarkup(<LiveStatus story={{ live: false } as Story} liveNow={false} />)).toBe("");
  });
});
