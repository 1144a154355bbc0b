/**
 * The routes of a section, a topic or an author are the same for each: its page 1 at its path,
 * page n at pagePath(path, n) and its feeds at feedPath(path, format) (lib/url.mjs), all made
 * from the one description of the listing (lib/listings.ts). Each route file names its listing
 * and re-exports these.
 */
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { ListingPage } from "@/components/ListingPage";
import { feedLinks, feedResponse, isFeedFormat } from "@/lib/feeds";
import {
  authorListingPage,
  paginate,
  parsePage,
  sectionListingPage,
  topicListingPage,
  type ListingPageData,
} from "@/lib/listings";
import { listingMetadata } from "@/lib/metadata";
import { breadcrumbs, graph } from "@/lib/structured-data";
import { teaserOf } from "@/lib/teasers";
import { FEED_FORMATS } from "@/lib/url.mjs";
import { sections } from "@/site.config.mjs";

type Find = (slug: string) => ListingPageData | null;
type Props = { params: Promise<Record<string, string>> };

/** `prerendered`: the slugs whose first page and feeds the build makes; the rest wait for a request. */
function listingRoutes(param: string, find: Find, prerendered: () => string[]) {
  async function resolve(params: Props["params"]) {
    const values = await params;
    const listing = find(values[param]);
    // Page 1 lives at the listing's own path, never under /page/1.
    const number = values.page === undefined ? 1 : parsePage(values.page);
    const page =
      listing && number !== (values.page === undefined ? Number.NaN : 1) && paginate(listing.stories, number);
    return listing && page ? { listing, page } : null;
  }

  const generateMetadata = async ({ params }: Props) => {
    const found = await resolve(params);
    return found ? listingMetadata(found.listing, found.page.page) : {};
  };
  async function Page({ params }: Props) {
    const found = await resolve(params);
    if (!found) notFound();
    const { listing, page } = found;
    return (
      <>
        <JsonLd data={graph(breadcrumbs(listing.crumbs))} />
        <ListingPage
          listing={listing}
          page={{ ...page, items: page.items.map(teaserOf) }}
          feeds={feedLinks(listing.channel)}
        />
      </>
    );
  }

  return {
    firstPage: {
      generateStaticParams: () => prerendered().map((slug) => ({ [param]: slug })),
      generateMetadata,
      Page,
    },
    laterPage: {
      // Later pages are rendered on first request.
      generateStaticParams: () => [],
      generateMetadata,
      Page,
    },
    feeds: {
      generateStaticParams: () =>
        prerendered().flatMap((slug) => FEED_FORMATS.map((feed) => ({ [param]: slug, feed }))),
      GET: async (_: Request, { params }: Props) => {
        const values = await params;
        const listing = find(values[param]);
        if (!listing || !isFeedFormat(values.feed)) return new Response("Not found", { status: 404 });
        return feedResponse(listing.channel, values.feed);
      },
    },
  };
}

export const sectionRoutes = listingRoutes("section", sectionListingPage, () => sections.map((s) => s.slug));
// Topic and author pages and feeds are made on first request: the build prerenders only the fronts.
export const topicRoutes = listingRoutes("slug", topicListingPage, () => []);
export const authorRoutes = listingRoutes("slug", authorListingPage, () => []);
