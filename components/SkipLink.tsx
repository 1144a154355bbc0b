/** The first focusable element on every page: keyboard and screen-reader users skip the header. */
export function SkipLink() {
  return (
    <a href="#main" className="skip-link">
      Skip to main content
    </a>
  );
}
