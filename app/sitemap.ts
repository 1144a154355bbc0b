import { sitemapEntries } from "@/lib/sitemaps";

export default sitemapEntries;
