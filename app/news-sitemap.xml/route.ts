import { getAllStories } from "@/lib/content";
import { newsSitemapXml } from "@/lib/sitemaps";

// "The last two days" moves on while the site is up: regenerate every ten minutes.
export const revalidate = 600;

export function GET() {
  return new Response(newsSitemapXml(getAllStories(), new Date()), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
