import { pagePath } from "@/lib/url";

type Props = { base: string; page: number; totalPages: number; query?: string };

/** Listings run newest first; search results run best first. */
const labels = (query?: string) =>
  query === undefined ? ["Newer", "Older"] : ["Previous results", "More results"];

const href = (base: string, page: number, query?: string) =>
  query === undefined
    ? pagePath(base, page)
    : `${base}?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ""}`;

/** Newer and older pages of a listing; nothing at all when there is only one page. */
export function Pagination({ base, page, totalPages, query }: Props) {
  if (totalPages <= 1) return null;
  const [back, forward] = labels(query);
  return (
    <nav
      aria-label="Pagination"
      className="mt-8 flex items-center justify-between gap-4 text-sm print:hidden"
    >
      {page > 1 ? (
        <a
          href={href(base, page - 1, query)}
          rel="prev"
          className="rounded border border-rule px-4 py-2 underline"
        >
          <span aria-hidden="true">← </span>
          {back}
        </a>
      ) : (
        <span />
      )}
      <p>
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <a
          href={href(base, page + 1, query)}
          rel="next"
          className="rounded border border-rule px-4 py-2 underline"
        >
          {forward}
          <span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
