/** The health check a load balancer and an operator read. */
import { readdirSync, readFileSync } from "node:fs";
import { DIST_DIR } from "./env";
import { expect, test } from "./fixtures";

test.describe("health check", () => {
  test("the health check reports the build and its stories, and is never cached", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const health = await response.json();
    expect(health.status).toBe("ok");
    // Every story file in content/ is published (none is a draft or scheduled).
    expect(health.stories).toBe(readdirSync("content/stories").filter((f) => f.endsWith(".md")).length);
    expect(readFileSync(`${DIST_DIR}/BUILD_ID`, "utf8").trim()).toBe(health.buildId);
  });
});
