/**
 * Runs once when the production server starts: load the content and the search index then,
 * rather than making the first reader to search wait for it (about 10 s with 10,000 stories).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { warmSearch } = await import("./lib/search");
    warmSearch();
  }
}
