import { defineConfig, devices } from "@playwright/test";
import { chromiumFlags, chromiumPath } from "./scripts/lib/chromium.mjs";
import { BASE_URL, DEV, DIST_DIR, PORT, PUBLISH, SITE_URL, STORE_DIR, SYNTHETIC } from "./e2e/env";

/**
 * End-to-end tests against production builds made for them, served by server.mjs (Next in production) on
 * ports of their own: never a server that happens to be running already.
 *  - "site": the real publication (content/), built with a real-looking site URL.
 *  - "synthetic": a separate workspace built from generated test stories, for pagination,
 *    related stories and search ranking at a scale the real content does not have yet.
 */

// Debian's Chromium where it is installed (CI and this machine); elsewhere Playwright's own,
// which a developer gets with `npx playwright install chromium`.
const executablePath = chromiumPath;

const next = "node node_modules/next/dist/bin/next";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: chromiumFlags,
    },
  },
  projects: [
    {
      name: "site",
      testIgnore: ["synthetic/**", "dev/**", "ops/**", "publish/**"],
      use: { ...devices["Desktop Chrome"], baseURL: BASE_URL },
    },
    {
      name: "synthetic",
      testMatch: "synthetic/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: SYNTHETIC.baseURL },
    },
    {
      // Fault and fuzz tests on the reference deployment: last, alone, once the rest is done.
      name: "ops",
      testMatch: "ops/**/*.spec.ts",
      dependencies: ["site", "synthetic", "dev", "publish"],
      use: { baseURL: BASE_URL },
    },
    {
      // Publishing, correcting, scheduling and taking down while the servers run: after the
      // page tests, so that its deadlines are measured on a machine not busy with them.
      name: "publish",
      testMatch: "publish/**/*.spec.ts",
      dependencies: ["site", "synthetic", "dev"],
      use: { baseURL: PUBLISH.baseURL },
    },
    {
      name: "dev",
      testMatch: "dev/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: DEV.baseURL },
    },
  ],
  webServer: [
    {
      // The deployable artifact itself: the standalone folder, completed by scripts/standalone.mjs.
      command: `node scripts/publish.mjs --all --quiet && ${next} build && node scripts/standalone.mjs && cd ${DIST_DIR}/standalone && node server.mjs`,
      env: {
        SITE_URL,
        NEXT_DIST_DIR: DIST_DIR,
        HOSTNAME: "127.0.0.1",
        PORT: String(PORT),
        BROADSHEET_STORE: STORE_DIR,
      },
      url: BASE_URL,
      reuseExistingServer: false,
      stdout: "ignore", // one JSON line per request: too much for a test report
      timeout: 300_000,
    },
    {
      command: `node scripts/synthetic-site.mjs --count ${SYNTHETIC.count} --dir ${SYNTHETIC.dir} --newest ${SYNTHETIC.newest()} && cd ${SYNTHETIC.dir} && node server.mjs`,
      env: { SITE_URL, HOSTNAME: "127.0.0.1", PORT: String(SYNTHETIC.port) },
      url: SYNTHETIC.baseURL,
      reuseExistingServer: false,
      stdout: "ignore",
      timeout: 300_000,
    },
    {
      command: `node scripts/synthetic-site.mjs --count ${PUBLISH.count} --dir ${PUBLISH.dir} && cd ${PUBLISH.dir} && node server.mjs`,
      env: { SITE_URL, HOSTNAME: "127.0.0.1", PORT: String(PUBLISH.port) },
      url: PUBLISH.baseURL,
      reuseExistingServer: false,
      stdout: "ignore",
      timeout: 300_000,
    },
    {
      command: `node scripts/synthetic-site.mjs --count ${DEV.count} --dir ${DEV.dir} --content-only && cd ${DEV.dir} && ${next} dev --hostname 127.0.0.1 --port ${DEV.port}`,
      url: DEV.baseURL,
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 300_000,
    },
  ],
});
