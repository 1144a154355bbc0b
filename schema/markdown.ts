import type { Root } from "hast";
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

/**
 * The Markdown -> HTML pipeline for story bodies.
 *
 * Raw HTML in a story is parsed (rehype-raw) and then sanitised with GitHub's schema
 * (rehype-sanitize): harmless inline markup such as <sup> or <kbd> survives, while <script>,
 * <style>, <iframe>, event-handler attributes and `javascript:` URLs never reach a reader.
 * Ids and heading self-links are added after sanitising, so they are not prefixed.
 */
export function storyMarkdown(builder: Processor) {
  builder
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(remarkGfm)
    // Footnote ids get their prefix from the sanitiser below, once.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
    .use(relinkPrefixedIds)
    .use(rehypeSlug)
    .use(rehypeAutolinkHeadings, {
      behavior: "wrap",
      test: ["h2", "h3"],
      properties: { className: ["heading-link"] },
    })
    .use(rehypeStringify);
}
