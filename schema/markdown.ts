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

/**
 * The Markdown -> HTML pipeline for story bodies.
 *
 * Raw HTML in a story is parsed (rehype-raw) and then sanitised with GitHub's schema
 * (rehype-sanitize): harmless inline markup such as <sup> or <abbr> survives, while <script>,
 * <style>, <iframe>, event-handler attributes and `javascript:` URLs never reach a reader.
 * Ids and heading self-links are added after sanitising, so they are not prefixed with
 * "user-content-" by the sanitiser's anti-clobbering rule.
 */
export function storyMarkdown(builder: Processor) {
  builder
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeSlug)
    .use(rehypeAutolinkHeadings, {
      behavior: "wrap",
      test: ["h2", "h3"],
      properties: { className: ["heading-link"] },
    })
    .use(rehypeStringify);
}
