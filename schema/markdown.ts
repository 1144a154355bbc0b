import type { Element, Root } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { Root as MdastRoot } from "mdast";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Processor } from "unified";
import { BLOCK_CLASSES, remarkContainerDirectives, remarkStoryBlocks } from "./blocks";
import { responsiveImage } from "./images";
import { rehypeEmbedCards } from "./embed-cards";
import { FRONT_MATTER } from "./front-matter.mjs";
import { NOT_RENDERED, RENDER_CEILING } from "./limits.mjs";
import { publicImageSize } from "./public-files";

/**
 * GitHub's schema, less h1: the headline is the page's only one. A raw <h1> keeps its words.
 * Plus what figures and the story blocks (schema/blocks.ts) make: <figure>, <figcaption> and
 * <aside>, and their few class names, no others.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...defaultSchema.tagNames!.filter((t) => t !== "h1"), "figure", "figcaption", "aside"],
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(
      Object.entries(BLOCK_CLASSES).map(([tag, classes]) => [
        tag,
        [...(defaultSchema.attributes![tag] ?? []), ["className", ...classes] as [string, ...string[]]],
      ]),
    ),
  },
};

const PREFIX = defaultSchema.clobberPrefix!;

/**
 * The sanitiser prefixes ids ("fn-1" becomes "user-content-fn-1") so that a story cannot clobber
 * the page's own globals, but it leaves in-page links alone. Point them at the prefixed ids.
 */
function relinkPrefixedIds() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const anchors: { properties: Record<string, unknown> }[] = [];
    const visit = (node: Root | Root["children"][number]) => {
      if (node.type === "element") {
        if (typeof node.properties.id === "string") ids.add(node.properties.id);
        if (typeof node.properties.href === "string" && node.properties.href.startsWith("#"))
          anchors.push(node);
      }
      if ("children" in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    for (const a of anchors) {
      const target = (a.properties.href as string).slice(1);
      if (!ids.has(target) && ids.has(PREFIX + target)) a.properties.href = `#${PREFIX}${target}`;
    }
  };
}

const hasLink = (node: Element): boolean =>
  node.children.some((c) => c.type === "element" && (c.tagName === "a" || hasLink(c)));

const hasClass = (node: Element, name: string) =>
  Array.isArray(node.properties.className) && node.properties.className.includes(name);

/**
 * After sanitising, what the schema does not let a story write itself: each image under public/
 * gets its pixel size (read from the file, so its space is reserved and nothing shifts) and the
 * optimiser's srcset; a pull quote is hidden from screen readers (it repeats words of the story,
 * which they read already); a fact box is named by its title. An image that is not a file under
 * public/ is left as it is, and the schema refuses it (schema/body.ts).
 */
function finishStoryBlocks() {
  return (tree: Root) => {
    const visit = (node: Root | Root["children"][number], parent?: Element) => {
      if (node.type === "element") {
        const src = node.properties.src;
        if (node.tagName === "img" && typeof src === "string" && parent?.tagName !== "picture") {
          const size = publicImageSize(src);
          if (size) Object.assign(node.properties, responsiveImage(src, size.width, size.height));
        }
        // (Never over a link, which a keyboard would still reach: the schema refuses one in a
        // Markdown pull quote, and one in raw HTML is simply read out.)
        if (node.tagName === "aside" && hasClass(node, "pullquote") && !hasLink(node)) {
          node.properties.ariaHidden = "true";
        }
        if (node.tagName === "aside" && hasClass(node, "factbox")) {
          const title = node.children.find((c) => c.type === "element" && hasClass(c, "factbox-title"));
          if (title) node.properties.ariaLabel = hastToString(title).trim();
        }
      }
      if ("children" in node) {
        for (const child of node.children) visit(child, node.type === "element" ? node : undefined);
      }
    };
    visit(tree);
  };
}

/**
 * A body far over its size limit (schema/limits.mjs) is not parsed at all: a 6 MB body would
 * take the pipeline half a minute and gigabytes of memory, only for the schema to refuse it. It
 * becomes one paragraph, NOT_RENDERED, which the schema always refuses (schema/body.ts), so a
 * body skipped here can never be published. Wraps the parser remark-parse installed.
 */
function skipOversizedBody(this: Processor) {
  const parse = this.parser!;
  this.parser = (document, file) => {
    if (Buffer.byteLength(document.replace(FRONT_MATTER, ""), "utf8") <= RENDER_CEILING) {
      return parse(document, file);
    }
    const tree: MdastRoot = {
      type: "root",
      children: [{ type: "paragraph", children: [{ type: "text", value: NOT_RENDERED }] }],
    };
    return tree;
  };
}

/**
 * The Markdown -> HTML pipeline for story bodies.
 *
 * Raw HTML in a story is parsed (rehype-raw) and then sanitised with GitHub's schema
 * (rehype-sanitize): harmless inline markup such as <sup> or <kbd> survives, while <script>,
 * <style>, <iframe>, event-handler attributes and `javascript:` URLs never reach a reader.
 * Ids and heading self-links are added after sanitising, so they are not prefixed. What the
 * sanitiser keeps is checked by the schema (schema/body.ts): nothing in it may load from
 * another site.
 */
export function storyMarkdown(builder: Processor) {
  builder
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(skipOversizedBody)
    .use(remarkGfm)
    .use(remarkContainerDirectives)
    .use(remarkStoryBlocks)
    // Footnote ids get their prefix from the sanitiser below, once.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
    // A line holding only a video's or post's address becomes an embed card (schema/embeds.mjs).
    .use(rehypeEmbedCards)
    .use(relinkPrefixedIds)
    .use(finishStoryBlocks)
    .use(rehypeSlug)
    .use(rehypeAutolinkHeadings, {
      behavior: "wrap",
      test: ["h2", "h3"],
      properties: { className: ["heading-link"] },
    })
    .use(rehypeStringify);
}
