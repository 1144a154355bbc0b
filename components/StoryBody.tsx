/**
 * The story's body HTML. It was sanitised when the content was built (schema/markdown.ts), so
 * it carries no script, event handler or javascript: URL.
 */
export function StoryBody({ html }: { html: string }) {
  return (
    <div
      className="prose prose-lg max-w-none font-serif prose-headings:font-sans prose-headings:font-bold prose-h2:text-2xl"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
