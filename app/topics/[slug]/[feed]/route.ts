import { topicRoutes } from "@/app/_lib/listing-routes";

export const dynamic = "force-static";
export const { generateStaticParams, GET } = topicRoutes.feeds;
