import type { Graph } from "schema-dts";

/**
 * Structured data for search engines. `<` is escaped so that no string in the data can close
 * the script element.
 */
export function JsonLd({ data }: { data: Graph }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
