import { SEARCH_PATH } from "@/lib/url.mjs";
import { MAX_QUERY_LENGTH, site } from "@/site.config.mjs";

type Props = { query?: string; id: string; large?: boolean };

/** A plain GET form to /search: it works before, and without, JavaScript. */
export function SearchForm({ query, id, large = false }: Props) {
  return (
    <form
      role="search"
      aria-label={large ? "Search again" : "Search the site"}
      action={SEARCH_PATH}
      method="get"
      className="flex gap-2"
    >
      <label htmlFor={id} className="sr-only">
        {`Search ${site.name}`}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        placeholder="Search"
        maxLength={MAX_QUERY_LENGTH}
        className={`search-field ${large ? "h-12 text-lg" : "h-10 text-sm"}`}
      />
      <button type="submit" className={`search-button ${large ? "h-12" : "h-10 text-sm"}`}>
        Search
      </button>
    </form>
  );
}
