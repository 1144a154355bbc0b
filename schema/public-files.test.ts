import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { publicFile } from "./public-files";

describe("publicFile", () => {
  it("never names a file outside public/, however the path is spelled", () => {
    // package.json is one level above public/: a path that climbs there must not count.
    expect(existsSync("package.json")).toBe(true);
    for (const src of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/%2E%2E/package.json",
      "/images/..%2f..%2fpackage.json",
    ]) {
      expect(publicFile(src), src).toBeNull();
    }
  });
});
