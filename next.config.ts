import type { NextConfig } from "next";

const production = process.env.NODE_ENV === "production";
const https = (process.env.SITE_URL ?? "").startsWith("https://");

/**
 * The Content-Security-Policy, as strict as prerendered pages allow. Every page carries inline
 * scripts (Next's bootstrap and the page's RSC payload) that differ from page to page: a nonce
 * needs a render per request, and hashes would have to be listed per page in a header set per
 * route pattern, so inline scripts are allowed; eval and every other origin are not. `next dev`
 * needs eval (React's debugging), so development gets no policy.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ...(https ? ["upgrade-insecure-requests"] : []),
].join("; ");

const securityHeaders = [
  ...(production ? [{ key: "Content-Security-Policy", value: contentSecurityPolicy }] : []),
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Only a site served over HTTPS may pin browsers to it (over HTTP the header is ignored anyway).
  ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // One moment for the whole build: what "published by now" means for scheduled stories, on
  // prerendered pages and on the routes that run later (search, the news sitemap) alike.
  env: { BROADSHEET_BUILT_AT: new Date().toISOString() },
  // The test suite builds into its own folder so that it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server folder (.next/standalone) for deployment: scripts/standalone.mjs.
  output: "standalone",
  poweredByHeader: false,
  // server.mjs compresses, once per version of a page rather than on every request.
  compress: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Pages, feeds, sitemaps and social images (unhashed URLs): caches keep them briefly and
        // may serve a stale copy while they fetch a fresh one, or when the server fails. Hashed
        // assets keep Next's own immutable, year-long header (this rule does not match
        // /_next/static), and the health check is never cached.
        source: "/((?!_next/static|_next/image|healthz).*)",
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
