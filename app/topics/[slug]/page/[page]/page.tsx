import { topicRoutes } from "@/app/_lib/listings";

export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = topicRoutes.laterPage;
export default topicRoutes.laterPage.Page;
