/**
 * The story's body HTML. It was sanitised when the content was built (schema/markdown.ts), so
 * it carries no script, event handler or javascript: URL.
 */
export function StoryBody({ html }: { html: string }) {
  return (
    // The body's type (serif text, sans headings) is set in globals.css rather than with prose-*
    // variants: each of those repeats a long selector in the CSS and a long class in the HTML.
    <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
