import { liveFeed } from "@/app/_lib/live-feed-routes";

// Made on first request, kept until the content changes (lib/cache-handler.mjs).
export const dynamic = "force-static";
export const generateStaticParams = () => [];
export const { GET } = liveFeed("atom.xml");
