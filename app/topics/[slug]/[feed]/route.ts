import { topicFeeds } from "@/app/_lib/feed-routes";

export const dynamic = "force-static";
export const { generateStaticParams, GET } = topicFeeds;
