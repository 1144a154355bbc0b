import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FeedLink } from "@/lib/feeds";
import { FeedLinks } from "./FeedLinks";

describe("FeedLinks", () => {
  it("links to each feed it is given, by its name", () => {
    const links: FeedLink[] = [
      { format: "feed.xml", name: "RSS", path: "/world/feed.xml" },
      { format: "feed.json", name: "JSON Feed", path: "/world/feed.json" },
    ];
    const html = renderToStaticMarkup(<FeedLinks links={links} />);
    for (const link of links)
      expect(html).toMatch(new RegExp(`<a href="${link.path}"[^>]*>${link.name}</a>`));
  });
});
