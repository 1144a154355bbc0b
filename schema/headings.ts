import GithubSlugger from "github-slugger";
import type { Heading as MdastHeading, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";

/** The body as plain text, one block a paragraph, raw HTML left out: for search and snippets. */
export function plainText(markdown: string): string {
  const tree = fromMarkdown(markdown);
  return tree.children
    .map((block) => toString(block, { includeHtml: false }).trim())
    .filter(Boolean)
    .join("\n\n");
}

export type TocHeading = { level: 2 | 3; text: string; id: string };

function collectHeadings(node: Nodes, out: MdastHeading[]) {
  if (node.type === "heading") out.push(node);
  if ("children" in node) for (const child of node.children) collectHeadings(child, out);
}

/**
 * The headings of a story body, with the ids rehype-slug gives them in the rendered HTML
 * (the same slugger, fed every heading in document order, so duplicates get the same -1, -2).
 * Throws when the body has a level-1 heading: the headline is the page's only h1.
 */
export function extractHeadings(markdown: string): TocHeading[] {
  const all: MdastHeading[] = [];
  collectHeadings(fromMarkdown(markdown), all);
  const slugger = new GithubSlugger();
  const toc: TocHeading[] = [];
  for (const heading of all) {
    const text = toString(heading).trim();
    const id = slugger.slug(text);
    if (heading.depth === 1) {
      throw new Error(
        `"# ${text}" is a level-1 heading; the headline is the story's only one. Use "## ${text}" for a section heading`,
      );
    }
    if (heading.depth === 2 || heading.depth === 3) toc.push({ level: heading.depth, text, id });
  }
  return toc;
}
