import { topicRoutes } from "@/app/_lib/listings";

export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = topicRoutes.firstPage;
export default topicRoutes.firstPage.Page;
