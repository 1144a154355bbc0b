import { feedResponse } from "@/lib/feeds";
import { siteChannel } from "@/lib/listings";

export const dynamic = "force-static";

export function GET() {
  return feedResponse(siteChannel(), "atom.xml");
}
