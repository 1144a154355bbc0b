// @ts-check
/**
 * How Chromium is started for tests and Lighthouse: Debian's package where it is installed
 * (CI and this machine), with the flags that keep it from reaching for the internet.
 */
import { existsSync } from "node:fs";

const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Debian's Chromium, or undefined (Playwright then uses its own). */
export const chromiumPath = existsSync(systemChromium) ? systemChromium : undefined;

export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
