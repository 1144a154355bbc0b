/**
 * The routes of a listing (page 1 at its path, page n at `${path}/page/n`) are the same for
 * sections, topics and authors; each route file names its listing and re-exports these.
 */
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { ListingPage } from "@/components/ListingPage";
import type { Story } from "@/lib/content";
import { paginate, parsePage, type Listing, type Page } from "@/lib/listings";
import { listingMetadata } from "@/lib/metadata";
import { breadcrumbs, graph } from "@/lib/structured-data";

type Find = (slug: string) => Listing | null;
type FirstProps = { params: Promise<Record<string, string>> };
type LaterProps = { params: Promise<Record<string, string>> };

/** A page of a listing, with its breadcrumb trail for search engines. */
function ListingRoute({ listing, page }: { listing: Listing; page: Page<Story> }) {
  return (
    <>
      <JsonLd data={graph(breadcrumbs(listing.crumbs))} />
      <ListingPage listing={listing} page={page} />
    </>
  );
}

/** `prerendered`: the slugs whose first page the build renders; the rest wait for a request. */
export function listingRoutes(param: string, find: Find, prerendered: () => string[]) {
  async function resolve(params: Promise<Record<string, string>>) {
    const values = await params;
    const listing = find(values[param]);
    // Page 1 lives at the listing's own path, never under /page/1.
    const number = values.page === undefined ? 1 : parsePage(values.page);
    const page =
      listing && number !== (values.page === undefined ? Number.NaN : 1) && paginate(listing.all, number);
    return listing && page ? { listing, page } : null;
  }

  return {
    firstPage: {
      generateStaticParams: () => prerendered().map((slug) => ({ [param]: slug })),
      generateMetadata: async ({ params }: FirstProps) => {
        const found = await resolve(params);
        return found ? listingMetadata(found.listing, 1) : {};
      },
      Page: async function FirstPage({ params }: FirstProps) {
        const found = await resolve(params);
        if (!found) notFound();
        return <ListingRoute {...found} />;
      },
    },
    laterPage: {
      // Later pages are rendered on first request.
      generateStaticParams: () => [],
      generateMetadata: async ({ params }: LaterProps) => {
        const found = await resolve(params);
        return found ? listingMetadata(found.listing, found.page.page) : {};
      },
      Page: async function LaterPage({ params }: LaterProps) {
        const found = await resolve(params);
        if (!found) notFound();
        return <ListingRoute {...found} />;
      },
    },
  };
}
