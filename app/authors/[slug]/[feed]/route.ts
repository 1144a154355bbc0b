import { authorFeeds } from "@/app/_lib/feed-routes";

export const dynamic = "force-static";
export const { generateStaticParams, GET } = authorFeeds;
