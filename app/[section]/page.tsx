import { sectionRoutes } from "@/app/_lib/listing-routes";

// Only the declared sections exist; any other single-segment URL is a real 404.
export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = sectionRoutes.firstPage;
export default sectionRoutes.firstPage.Page;
