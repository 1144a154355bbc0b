import { authorRoutes } from "@/app/_lib/listings";

export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = authorRoutes.laterPage;
export default authorRoutes.laterPage.Page;
