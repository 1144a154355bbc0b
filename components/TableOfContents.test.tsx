import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import type { Element, Root } from "hast";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TocHeading } from "@/lib/content";
import { TableOfContents } from "./TableOfContents";

/** Every element of a tree with this tag name, in document order. */
function all(node: Root | Element, tagName: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tagName) found.push(child);
    found.push(...all(child, tagName));
  }
  return found;
}

const headings: TocHeading[] = [
  { level: 2, text: "Setting the Stage for Diplomacy", id: "setting-the-stage-for-diplomacy" },
  { level: 3, text: "Who is at the table", id: "who-is-at-the-table" },
  { level: 2, text: "Lingering Contentions from Geneva", id: "lingering-contentions-from-geneva" },
];

describe("TableOfContents", () => {
  it("is left out for a story with fewer than two headings", () => {
    expect(
      renderToStaticMarkup(<TableOfContents headings={[{ level: 2, text: "Only", id: "only" }]} />),
    ).toBe("");
    expect(renderToStaticMarkup(<TableOfContents headings={[]} />)).toBe("");
  });

  it("is a navigation landmark named by its title, linking to every heading in order", () => {
    const tree = fromHtml(renderToStaticMarkup(<TableOfContents headings={headings} />), { fragment: true });
    const [nav] = all(tree, "nav");
    const title = all(tree, "h2")[0];
    expect(nav.properties.ariaLabelledBy).toEqual([title.properties.id]);
    expect(toString(title)).toBe("In this story");
    const links = all(all(tree, "ol")[0], "a");
    expect(links.map((a) => [toString(a), a.properties.href])).toEqual(
      headings.map((h) => [h.text, `#${h.id}`]),
    );
  });

  it("sets a sub-heading in under the heading it belongs to", () => {
    const tree = fromHtml(renderToStaticMarkup(<TableOfContents headings={headings} />), { fragment: true });
    const items = all(tree, "li");
    const indented = items.map(
      (li) => (li.properties.className as string[] | undefined)?.includes("ml-4") ?? false,
    );
    expect(indented).toEqual(headings.map((h) => h.level === 3));
  });
});
