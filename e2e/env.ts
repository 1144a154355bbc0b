/**
 * The public address the test build is made with. It is deliberately not the address the
 * tests reach the server on: every absolute URL must come from the site URL setting, and no
 * page, feed or sitemap may leak the local one.
 */
export const SITE_URL = process.env.E2E_SITE_URL ?? "https://broadsheet.example";

export const PORT = Number(process.env.E2E_PORT ?? 4317);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** The test build's own folder, so that `npm test` never disturbs a running `npm start`. */
export const DIST_DIR = ".next-test";
