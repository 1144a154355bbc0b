import { topicRoutes } from "@/app/_lib/listing-routes";

// Rendered on first request, then kept until the content changes (lib/cache-handler.mjs).
export const { generateStaticParams, generateMetadata } = topicRoutes.firstPage;
export default topicRoutes.firstPage.Page;
