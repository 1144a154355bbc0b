import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // One moment for the whole build: what "published by now" means for scheduled stories, on
  // prerendered pages and on the routes that run later (search, the news sitemap) alike.
  env: { BROADSHEET_BUILT_AT: new Date().toISOString() },
  // The test suite builds into its own folder so that it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  async headers() {
    return [
      {
        // Pages, feeds, sitemaps and social images (unhashed URLs): caches keep them briefly and may serve a stale copy while
        // they fetch a fresh one, or when the server fails. Hashed assets keep Next's own
        // immutable, year-long header (this rule does not match /_next/static).
        source: "/((?!_next/static|_next/image).*)",
        headers: [
          {
            key: "Cache-Control",
            value: "public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800",
          },
        ],
      },
    ];
  },
  reactStrictMode: true,
};

export default nextConfig;
