import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // One moment for the whole build: what "published by now" means for scheduled stories, on
  // prerendered pages and on the routes that run later (search, the news sitemap) alike.
  env: { BROADSHEET_BUILT_AT: new Date().toISOString() },
  // The test suite builds into its own folder so that it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
