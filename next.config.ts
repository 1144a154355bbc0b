import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { PAGE_CACHE_CONTROL, PAGE_PATHS, securityHeaders } from "./lib/http-headers.mjs";
import { MANIFEST_FILE, storeDir } from "./lib/store.mjs";
import { site } from "./site.config.mjs";

const production = process.env.NODE_ENV === "production";

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

const nextConfig: NextConfig = {
  // The public address is fixed when the site is built (site.config.mjs): pages rendered later,
  // on request, must make the same absolute URLs as the prerendered ones, whatever the
  // environment of the process that serves them.
  // The site's name and language reach the one client component that shows them, the global
  // error page, as strings written into it at build time: importing site.config.mjs there would
  // add the whole config to every page's JavaScript.
  env: { SITE_URL: process.env.SITE_URL ?? "", SITE_NAME: site.name, SITE_LANGUAGE: site.language },
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
  // In production server.mjs sets these on every response itself (lib/http-headers.mjs says
  // why); these rules serve `next dev`.
  async headers() {
    if (production) return [];
    const https = (process.env.SITE_URL ?? "").startsWith("https://");
    const all = securityHeaders({ https, production }).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers: all },
      { source: PAGE_PATHS, headers: [{ key: "Cache-Control", value: PAGE_CACHE_CONTROL }] },
    ];
  },
  reactStrictMode: true,
};

export default nextConfig;
