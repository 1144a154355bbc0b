import { getAllAuthors, getAllTopics } from "@/lib/content";
import { authorListing, sectionListing, topicListing } from "@/lib/listings";
import { sections } from "@/site.config";
import { listingRoutes } from "./listing-routes";

export const sectionRoutes = listingRoutes("section", sectionListing, () => sections.map((s) => s.slug));
export const topicRoutes = listingRoutes("slug", topicListing, () => getAllTopics().map((t) => t.slug));
export const authorRoutes = listingRoutes("slug", authorListing, () => getAllAuthors().map((a) => a.slug));
