import type { FeedLink } from "@/lib/feeds";

/** Visible links to a listing's feeds, for readers who follow it in a feed reader. */
export function FeedLinks({ links }: { links: FeedLink[] }) {
  return (
    <p className="mt-3 text-sm text-muted print:hidden">
      Follow in a feed reader:{" "}
      {links.map((link, i) => (
        <span key={link.format}>
          {i > 0 && " · "}
          <a href={link.path} className="underline hover:text-ink">
            {link.name}
          </a>
        </span>
      ))}
    </p>
  );
}
