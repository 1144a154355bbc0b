type Props = {
  page: number;
  totalPages: number;
  /** Page n's address (lib/url.mjs). */
  href: (page: number) => string;
  /** Search results, which run best first; otherwise a listing, newest first. */
  results?: boolean;
};

/** Newer and older pages of a listing; nothing at all when there is only one page. */
export function Pagination({ page, totalPages, href, results = false }: Props) {
  if (totalPages <= 1) return null;
  const [back, forward] = results ? ["Previous results", "More results"] : ["Newer", "Older"];
  return (
    <nav
      aria-label="Pagination"
      className="mt-8 flex items-center justify-between gap-4 text-sm print:hidden"
    >
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="rounded border border-rule px-4 py-2 underline">
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
        <a href={href(page + 1)} rel="next" className="rounded border border-rule px-4 py-2 underline">
          {forward}
          <span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
