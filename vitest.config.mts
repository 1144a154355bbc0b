import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "schema/**/*.test.ts", "lib/**/*.test.ts"],
    // Content builds spawn the real Contentlayer CLI; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
