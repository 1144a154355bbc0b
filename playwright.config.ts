import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, DIST_DIR, PORT, SITE_URL } from "./e2e/env";

/**
 * End-to-end tests against a production build made for them (with a real-looking site URL, in
 * its own folder), served by `next start` on a port of its own: never a server that happens to
 * be running already.
 */
const baseURL = BASE_URL;

// Debian's Chromium where it is installed (CI and this machine); elsewhere Playwright's own,
// which a developer gets with `npx playwright install chromium`.
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node node_modules/next/dist/bin/next build && node node_modules/next/dist/bin/next start --hostname 127.0.0.1 --port ${PORT}`,
    env: { SITE_URL, NEXT_DIST_DIR: DIST_DIR },
    url: baseURL,
    reuseExistingServer: false,
    stdout: "pipe",
    timeout: 240_000,
  },
});
