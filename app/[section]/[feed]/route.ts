import { sectionRoutes } from "@/app/_lib/listing-routes";

export const dynamic = "force-static";
export const dynamicParams = false;
export const { generateStaticParams, GET } = sectionRoutes.feeds;
