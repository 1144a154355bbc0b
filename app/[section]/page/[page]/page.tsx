import { sectionRoutes } from "@/app/_lib/listings";

export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = sectionRoutes.laterPage;
export default sectionRoutes.laterPage.Page;
