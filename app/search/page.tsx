import type { Metadata } from "next";
import { Highlighted } from "@/components/Highlighted";
import { Pagination } from "@/components/Pagination";
import { SearchForm } from "@/components/SearchForm";
import { Timestamp } from "@/components/Timestamp";
import { getAuthorsOf, getSectionOf } from "@/lib/content";
import { formatCount, formatNames, formatNumber } from "@/lib/format";
import { parsePage } from "@/lib/listings";
import { search } from "@/lib/search";
import { searchPath } from "@/lib/url.mjs";
import { MAX_QUERY_LENGTH, site } from "@/site.config.mjs";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q).trim();
  return {
    title: q && q.length <= MAX_QUERY_LENGTH ? `Search: ${q}` : "Search",
    // Result pages are endless and thin: keep them out of search engines, follow their links.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q);
  const pageParam = first(params.page);
  const outcome = search(q, pageParam ? parsePage(pageParam) : 1);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Search</h1>
      <div className="mt-4">
        <SearchForm id="search-page-q" query={outcome.kind === "too-long" ? "" : q.trim()} large />
      </div>
      <div className="mt-6" aria-live="polite">
        {outcome.kind === "empty" && <p>Type a word or a phrase to search every {site.name} story.</p>}
        {outcome.kind === "too-long" && (
          <p>
            That search is {formatNumber(outcome.length)} characters long; please keep it under{" "}
            {formatNumber(MAX_QUERY_LENGTH)}.
          </p>
        )}
        {outcome.kind === "no-page" && (
          <p>
            There is no such page of results for “{outcome.query}”.{" "}
            <a href={searchPath(outcome.query)} className="underline">
              See the first page
            </a>
            .
          </p>
        )}
        {outcome.kind === "results" && outcome.total === 0 && (
          <>
            <p>No stories match “{outcome.query}”. Check the spelling, or try fewer or more general words.</p>
            <SearchScope leftOut={outcome.leftOut} newestOnly={outcome.newestOnly} />
          </>
        )}
        {outcome.kind === "results" && outcome.total > 0 && (
          <>
            <p className="text-sm text-muted">
              {formatCount(outcome.total, "story matches", "stories match")} “{outcome.query}”
              {outcome.totalPages > 1 && ` (page ${outcome.page} of ${outcome.totalPages})`}
            </p>
            <SearchScope leftOut={outcome.leftOut} newestOnly={outcome.newestOnly} />
            <ol className="mt-2">
              {outcome.hits.map(({ story, headline, snippet }) => (
                <li key={story.slug} className="border-b border-rule py-5">
                  <p className="text-xs font-bold tracking-wider text-accent uppercase">
                    {getSectionOf(story).name}
                  </p>
                  <h2 className="mt-1 font-serif text-xl leading-snug font-bold">
                    <a href={story.url} className="hover:underline">
                      <Highlighted segments={headline} />
                    </a>
                  </h2>
                  <p className="mt-2 text-base">
                    <Highlighted segments={snippet} />
                  </p>
                  <p className="mt-2 text-sm text-muted">
                    {formatNames(getAuthorsOf(story).map((a) => a.name))} ·{" "}
                    <Timestamp at={story.publishedAt} format="date" />
                  </p>
                </li>
              ))}
            </ol>
            <Pagination
              page={outcome.page}
              totalPages={outcome.totalPages}
              href={(n) => searchPath(outcome.query, n)}
              results
            />
          </>
        )}
      </div>
    </div>
  );
}

/** What a search left out to stay fast: words in most stories, or the older archive. */
function SearchScope({ leftOut, newestOnly }: { leftOut: string[]; newestOnly: number | null }) {
  if (leftOut.length === 0 && newestOnly === null) return null;
  const words = leftOut.map((w) => `“${w}”`).join(", ");
  return (
    <p className="mt-1 text-sm text-muted">
      {leftOut.length > 0 && `Left out as too common to search for: ${words}. `}
      {newestOnly !== null &&
        `${leftOut.length > 0 ? "The rest are in most stories too" : "Those words are in most stories"}, so only the newest ${formatNumber(newestOnly)} stories were searched: add a less common word to search them all.`}
    </p>
  );
}
