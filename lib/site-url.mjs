// @ts-check
/**
 * The site's public address as a setting: SITE_URL, or a local default. site.config.ts makes
 * `site.url` from it for the build; scripts that print addresses (npm run preview) use the same.
 */
export const DEFAULT_SITE_URL = "http://localhost:3000";

/** @param {string | undefined} value SITE_URL, or the value a build was made with */
export const siteUrlFrom = (value) => (value || DEFAULT_SITE_URL).replace(/\/+$/, "");
