import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { MANIFEST_FILE, storeDir } from "./lib/store.mjs";

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

/**
 * The build id names the content the build read and when: `<content id>-<time, base 36>`. A
 * server trusts the pages the build prerendered only while it serves that very content and no
 * scheduled story has come due since (lib/cache-handler.mjs).
 */
function buildId(): string | null {
  const manifest = path.join(storeDir(), MANIFEST_FILE);
  if (!existsSync(manifest)) return null;
  const { id } = JSON.parse(readFileSync(manifest, "utf8")) as { id?: string };
  return id ? `${id}-${Date.now().toString(36)}` : null;
}

export const PAGE_CACHE_CONTROL =
  "public, max-age=60, s-maxage=2, stale-while-revalidate=60, stale-if-error=604800";

const nextConfig: NextConfig = {
  // The public address is fixed when the site is built (site.config.ts): pages rendered later,
  // on request, must make the same absolute URLs as the prerendered ones, whatever the
  // environment of the process that serves them.
  env: { SITE_URL: process.env.SITE_URL ?? "" },
  // Rendered pages and feeds are kept until the content they show changes (a publish, or a
  // scheduled story's time coming): lib/cache-handler.mjs. In memory, up to CACHE_MEMORY_MB.
  cacheHandler: path.resolve("lib/cache-handler.mjs"),
  cacheMaxMemorySize: Number(process.env.CACHE_MEMORY_MB ?? 256) * 1024 * 1024,
  // The test suite builds into its own folder so that it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  generateBuildId: buildId,
  // A self-contained server folder (.next/standalone) for deployment: scripts/standalone.mjs.
  output: "standalone",
  poweredByHeader: false,
  // server.mjs gives every cacheable response a strong ETag from one native hash of its bytes,
  // which it needs anyway as its gzip cache key; Next's own is a JavaScript hash of the whole
  // page on every request (a tenth of an instance's CPU under load).
  generateEtags: false,
  // server.mjs compresses, once per version of a page rather than on every request.
  compress: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Pages, feeds, sitemaps and social images (unhashed URLs). Shared caches (nginx, a CDN)
        // keep them 2 seconds (s-maxage), then ask again with If-None-Match, which an instance
        // answers from its own cache with a 304: a publish reaches readers through the proxy in
        // about two seconds without any purge, and each URL costs an instance at most one cheap
        // request every two seconds. Browsers keep a page a minute. Any cache may serve a stale
        // copy while it fetches a fresh one, or for a week while the servers fail. Hashed
        // assets keep Next's own immutable, year-long header (this rule does not match
        // /_next/static), and the health check is never cached.
        source: "/((?!_next/static|_next/image|healthz).*)",
        headers: [
          {
            key: "Cache-Control",
            value: PAGE_CACHE_CONTROL,
          },
        ],
      },
    ];
  },
  reactStrictMode: true,
};

export default nextConfig;
