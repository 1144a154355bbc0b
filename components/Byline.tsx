import { Fragment } from "react";
import type { Author } from "@/lib/content";
import { nameListParts } from "@/lib/format";
import { Avatar } from "./Avatar";

/**
 * "By A", "By A and B", "By A, B and C": each name links to its author page, each author shows
 * a picture or initials. One author's job title is shown under the name; with several, each
 * author page says who they are.
 */
export function Byline({ authors }: { authors: Author[] }) {
  let next = 0; // the parts name the authors in order
  return (
    <div className="flex items-center gap-3">
      <span className="flex shrink-0 -space-x-2">
        {authors.map((author) => (
          // A ring of the page's colour keeps overlapping pictures apart.
          <span key={author.slug} className="inline-flex rounded-full ring-2 ring-paper">
            <Avatar name={author.name} picture={author.picture} />
          </span>
        ))}
      </span>
      <p className="text-sm">
        <span className="font-semibold">
          By{" "}
          {nameListParts(authors.map((a) => a.name)).map((part, i) =>
            "name" in part ? (
              <a key={i} href={authors[next++].url} rel="author" className="underline hover:text-accent">
                {part.name}
              </a>
            ) : (
              <Fragment key={i}>{part.text}</Fragment>
            ),
          )}
        </span>
        {authors.length === 1 && authors[0].role && (
          <span className="block text-muted">{authors[0].role}</span>
        )}
      </p>
    </div>
  );
}
