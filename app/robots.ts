import type { MetadataRoute } from "next";
import { NEWS_SITEMAP_PATH, SITEMAP_PATH, absoluteUrl } from "@/lib/url.mjs";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/" },
    sitemap: [absoluteUrl(SITEMAP_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
