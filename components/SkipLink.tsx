/** The first focusable element on every page: keyboard and screen-reader users skip the header. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-paper focus:px-4 focus:py-2 focus:font-semibold focus:text-ink focus:underline"
    >
      Skip to main content
    </a>
  );
}
