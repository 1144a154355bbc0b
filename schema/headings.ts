import type { Element, Nodes as HastNodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { plainBlocks } from "./blocks";

export type TocHeading = { level: 2 | 3; text: string; id: string };

function walk(node: Nodes, visit: (node: Nodes) => void) {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/**
 * Throws when the Markdown has a level-1 heading: the headline is the page's only h1. (A raw
 * <h1> never gets that far: the sanitiser drops the tag and keeps its words.)
 */
export function checkHeadingLevels(markdown: string) {
  walk(fromMarkdown(markdown), (node) => {
    if (node.type === "heading" && node.depth === 1) {
      const text = toString(node).trim();
      throw new Error(
        `"# ${text}" is a level-1 heading; the headline is the story's only one. Use "## ${text}" for a section heading`,
      );
    }
  });
}

/**
 * The h2 and h3 headings of the rendered (sanitised) body, with the ids they really have, so
 * that the table of contents links exactly where the page's headings are. (Given the body
 * parsed already, it does not parse it again.)
 */
export function extractHeadings(html: string | Root): TocHeading[] {
  const toc: TocHeading[] = [];
  const visit = (node: HastNodes) => {
    if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
      const { id, className } = (node as Element).properties;
      // Headings only screen readers see (GFM's "Footnotes" label) are not in the contents.
      const hidden = Array.isArray(className) && className.includes("sr-only");
      if (typeof id === "string" && !hidden) {
        toc.push({ level: node.tagName === "h2" ? 2 : 3, text: hastToString(node).trim(), id });
      }
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as HastNodes);
  };
  visit(typeof html === "string" ? fromHtml(html, { fragment: true }) : html);
  return toc;
}

/**
 * The body as plain text, one block a paragraph, raw HTML left out: for search and snippets.
 * (Figures and fact boxes as schema/blocks.ts reads them.)
 */
export function plainText(markdown: string): string {
  return plainBlocks(markdown).join("\n\n");
}
