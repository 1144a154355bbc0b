import { feedResponse, siteChannel } from "@/lib/feeds";

export const dynamic = "force-static";

export function GET() {
  return feedResponse(siteChannel(), "feed.xml");
}
