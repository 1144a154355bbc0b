type Props = { query?: string; id: string; large?: boolean };

/** A plain GET form to /search: it works before, and without, JavaScript. */
export function SearchForm({ query, id, large = false }: Props) {
  return (
    <form
      role="search"
      aria-label={large ? "Search again" : "Search the site"}
      action="/search"
      method="get"
      className="flex gap-2"
    >
      <label htmlFor={id} className="sr-only">
        Search Broadsheet
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        placeholder="Search"
        maxLength={1000}
        className={`min-w-0 flex-1 rounded border border-rule bg-paper px-3 text-ink placeholder:text-muted ${large ? "h-12 text-lg" : "h-10 text-sm"}`}
      />
      <button
        type="submit"
        className={`rounded border border-ink bg-ink px-4 font-semibold text-paper ${large ? "h-12" : "h-10 text-sm"}`}
      >
        Search
      </button>
    </form>
  );
}
