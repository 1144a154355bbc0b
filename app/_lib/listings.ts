import { authorListing, sectionListing, topicListing } from "@/lib/listings";
import { sections } from "@/site.config.mjs";
import { listingRoutes } from "./listing-routes";

export const sectionRoutes = listingRoutes("section", sectionListing, () => sections.map((s) => s.slug));
// Topic and author pages are rendered on first request: the build prerenders only the fronts.
export const topicRoutes = listingRoutes("slug", topicListing, () => []);
export const authorRoutes = listingRoutes("slug", authorListing, () => []);
