import type { Root } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Processor } from "unified";
import { rehypeEmbedCards } from "./embed-cards";
import { NOT_RENDERED, RENDER_CEILING } from "./limits.mjs";

/** GitHub's schema, less h1: the headline is the page's only one. A raw <h1> keeps its words. */
const schema = { ...defaultSchema, tagNames: defaultSchema.tagNames!.filter((t) => t !== "h1") };

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

/** A file's front matter, as remark-frontmatter finds it: "---" lines around YAML at the top. */
const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

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
    // Footnote ids get their prefix from the sanitiser below, once.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
    // A line holding only a video's or post's address becomes an embed card (schema/embeds.mjs).
    .use(rehypeEmbedCards)
    .use(relinkPrefixedIds)
    .use(rehypeSlug)
    .use(rehypeAutolinkHeadings, {
      behavior: "wrap",
      test: ["h2", "h3"],
      properties: { className: ["heading-link"] },
    })
    .use(rehypeStringify);
}
