import { authorRoutes } from "@/app/_lib/listings";

export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = authorRoutes.firstPage;
export default authorRoutes.firstPage.Page;
