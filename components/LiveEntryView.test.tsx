import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { LiveEntry } from "@/lib/content";
import { LiveEntryView } from "./LiveEntryView";

const entry = {
  slug: "0930-vote",
  title: "The vote is called",
  timeAt: "2025-06-07T08:30:00.000Z",
  key: true,
  body: { html: "<p>Members file in.</p>" },
} as LiveEntry;

describe("LiveEntryView", () => {
  const shown = { entry, anchor: "entry-0930-vote", permalink: "/stories/vote/entries/0930-vote" };

  it("is anchored where its time links, and links to its address to share", () => {
    const html = renderToStaticMarkup(<LiveEntryView {...shown} />);
    expect(html).toContain(`id="${shown.anchor}"`);
    expect(html).toMatch(new RegExp(`<a href="#${shown.anchor}"[^>]*><time dateTime="${entry.timeAt}">`));
    expect(html).toMatch(new RegExp(`<a href="${shown.permalink}"[^>]*>Share this update</a>`));
  });

  it("shows its title, its body and whether it is a key event or pinned", () => {
    const html = renderToStaticMarkup(<LiveEntryView {...shown} pinned />);
    expect(html).toContain(`>${entry.title}</h2>`);
    expect(html).toContain("Members file in.");
    expect(html).toContain(">Key event<");
    expect(html).toContain(">Pinned<");
  });
});
