import type { FeedLink } from "@/lib/feeds";
import { formatCount } from "@/lib/format";
import type { ListingPageData, Page } from "@/lib/listings";
import type { Teaser } from "@/lib/teasers";
import { pagePath } from "@/lib/url.mjs";
import { Avatar } from "./Avatar";
import { Breadcrumbs } from "./Breadcrumbs";
import { FeedLinks } from "./FeedLinks";
import { Pagination } from "./Pagination";
import { StoryList } from "./StoryList";

type Props = {
  listing: ListingPageData;
  page: Page<Teaser>;
  /** The listing's feeds (its channel's), for its readers to follow. */
  feeds: FeedLink[];
};

/** A section, topic or author: heading, description, feeds, one page of stories. */
export function ListingPage({ listing, page, feeds }: Props) {
  const { author } = listing;
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs crumbs={listing.crumbs} />
      <header className="border-b border-rule pb-4">
        <div className="flex items-center gap-4">
          {author && <Avatar name={author.name} picture={author.picture} size={72} />}
          <div>
            {listing.kind === "topic" && (
              <p className="text-sm font-bold tracking-wider text-muted uppercase">Topic</p>
            )}
            <h1 className="font-serif text-3xl font-bold sm:text-4xl">
              {listing.title}
              {page.page > 1 && <span className="sr-only">, page {page.page}</span>}
            </h1>
            {author?.role && <p className="mt-1 text-muted">{author.role}</p>}
          </div>
        </div>
        {listing.description && <p className="mt-3 text-lg">{listing.description}</p>}
        {author && author.checkedLinks.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-4 text-sm">
            {author.checkedLinks.map((link) => (
              <li key={link}>
                <a href={link} rel="me noopener" className="underline">
                  {new URL(link).hostname.replace(/^www\./, "")}
                </a>
              </li>
            ))}
          </ul>
        )}
        <FeedLinks links={feeds} />
        {page.total > 0 && (
          <p className="mt-2 text-sm text-muted">{formatCount(page.total, "story", "stories")}</p>
        )}
      </header>
      <StoryList teasers={page.items} showSection={listing.showSection} empty={listing.empty} />
      <Pagination page={page.page} totalPages={page.totalPages} href={(n) => pagePath(listing.path, n)} />
    </div>
  );
}
