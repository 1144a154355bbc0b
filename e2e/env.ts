import path from "node:path";

/**
 * The public address the test build is made with. It is deliberately not the address the
 * tests reach the server on: every absolute URL must come from the site URL setting, and no
 * page, feed or sitemap may leak the local one.
 */
export const SITE_URL = process.env.E2E_SITE_URL ?? "https://broadsheet.example";

/** A server the tests start on this machine: its port, from E2E_<NAME> or the default, and its address. */
function server(variable: string, fallback: number) {
  const port = Number(process.env[variable] ?? fallback);
  return { port, baseURL: `http://127.0.0.1:${port}` };
}

export const { port: PORT, baseURL: BASE_URL } = server("E2E_PORT", 4317);

/** The reference deployment under test (deploy/cluster.mjs): nginx here, instances on the next ports. */
export const OPS_PORT = Number(process.env.E2E_OPS_PORT ?? 4330);

/** The test build's own folder, so that `npm test` never disturbs a running `npm start`. */
export const DIST_DIR = ".next-test";

/** The content store the test build publishes to and its server reads (lib/store.mjs). */
export const STORE_DIR = path.resolve(".broadsheet", "store");

/** The synthetic workspace: generated test stories, built and served apart from the real site. */
export const SYNTHETIC = {
  count: 150,
  dir: ".synthetic/e2e",
  /** The newest synthetic story was published half an hour before the build, the rest hourly. */
  newest: () => new Date(Date.now() - 30 * 60_000).toISOString(),
  ...server("E2E_SYNTHETIC_PORT", 4318),
};

/**
 * A workspace of its own for the publishing tests, which change its content while they run:
 * one server (port), and the reference deployment on the same build and store (nginx on
 * opsPort, instances on the next two ports).
 */
export const PUBLISH = {
  count: 40,
  dir: ".synthetic/publish",
  ...server("E2E_PUBLISH_PORT", 4320),
  opsPort: Number(process.env.E2E_PUBLISH_OPS_PORT ?? 4350),
};

/** A development server (`next dev`) on a small synthetic workspace, for what only dev shows. */
export const DEV = {
  count: 20,
  dir: ".synthetic/dev",
  ...server("E2E_DEV_PORT", 4319),
};
