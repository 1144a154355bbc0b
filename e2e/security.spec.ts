/**
 * Security headers on every kind of response the site sends, and what the browser makes of
 * the policy: pages must work under it (no violation), and it must be as strict as
 * prerendered pages allow.
 */
import { FRAME_ORIGINS } from "../schema/embeds.mjs";
import { expect, test } from "./fixtures";
import { EVERY_ROUTE, firstStory } from "./routes.mjs";

function directives(policy: string) {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

test.describe("security headers", () => {
  test("every route sends them, and nothing that names the server's internals", async ({ request, page }) => {
    await page.goto(firstStory.path);
    const asset = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
    for (const path of [...EVERY_ROUTE, asset!]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      const headers = response.headers();
      expect(headers["content-security-policy"], `${path}: CSP`).toBeTruthy();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-frame-options"], path).toBe("DENY");
      // The test build's site URL is https://, so browsers are told to stay on HTTPS.
      expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(headers["x-powered-by"], path).toBeUndefined();
      for (const name of Object.keys(headers)) expect(name, path).not.toMatch(/^x-nextjs-/);
    }
  });

  test("the policy allows no eval, no plugins, no other origin but the embed providers' frames, no framing", async ({
    request,
  }) => {
    const policy = directives((await request.get("/")).headers()["content-security-policy"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    // Frames come from the embed providers (schema/embeds.mjs), each an https origin, and no one else.
    expect(policy.get("frame-src")).toEqual(FRAME_ORIGINS);
    for (const origin of FRAME_ORIGINS) expect(origin).toMatch(/^https:\/\/[a-z.-]+$/);
    policy.delete("frame-src");
    for (const [name, values] of policy) {
      expect(values, name).not.toContain("'unsafe-eval'");
      for (const value of values)
        expect(value, `${name} names only keywords and data:`).toMatch(/^('[a-z-]+'|data:)$/);
    }
  });

  for (const path of [firstStory.path, "/", "/search?q=trade", "/no-such-page"]) {
    test(`${path} works under the policy, with no violation`, async ({ page }) => {
      const violations: string[] = [];
      await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
            `${e.violatedDirective} ${e.blockedURI}`,
          ),
        );
      });
      await page.goto(path, { waitUntil: "networkidle" });
      if (path === firstStory.path) await expect(page.getByRole("button", { name: "Share" })).toBeVisible();
      expect(violations).toEqual([]);
    });
  }

  test("the browser enforces it: a frame from a host that is not an embed provider is refused", async ({
    page,
    // The providers' frames are stubbed: the machine has no internet, and only the policy is tested.
    embedProviders,
  }) => {
    await page.goto(firstStory.path);
    const tryFrame = (src: string) =>
      page.evaluate(
        (src) =>
          new Promise<string>((resolve) => {
            document.addEventListener("securitypolicyviolation", (e) =>
              resolve(`${e.effectiveDirective} ${e.blockedURI}`),
            );
            const frame = document.createElement("iframe");
            frame.src = src;
            frame.addEventListener("load", () => setTimeout(() => resolve("loaded"), 500));
            document.body.append(frame);
            setTimeout(() => resolve("neither"), 5000);
          }),
        src,
      );
    // A violation names only the refused origin, never the rest of a cross-origin address.
    expect(await tryFrame("https://elsewhere.example/embed")).toBe("frame-src https://elsewhere.example");
    expect(await tryFrame(`${FRAME_ORIGINS[0]}/embed/aqz-KE-bpKQ`)).toBe("loaded");
    expect(embedProviders).toEqual([`${FRAME_ORIGINS[0]}/embed/aqz-KE-bpKQ`]);
  });

  test("the browser enforces it: a script from another origin is refused, and reported", async ({ page }) => {
    await page.goto(firstStory.path);
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          // A refused load for any other reason (this machine has no internet) fires no
          // violation event: only the policy does.
          document.addEventListener("securitypolicyviolation", (e) =>
            resolve(`${e.effectiveDirective} ${e.blockedURI}`),
          );
          const script = document.createElement("script");
          script.src = "https://elsewhere.example/x.js";
          document.head.append(script);
          setTimeout(() => resolve("no violation"), 5000);
        }),
    );
    expect(violation).toBe("script-src-elem https://elsewhere.example/x.js");
  });
});
