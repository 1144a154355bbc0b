import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "contentlayer/generated": fileURLToPath(new URL("./.contentlayer/generated", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "{app,schema,lib,components,scripts}/**/*.test.{ts,tsx}"],
    // Content builds spawn the real Contentlayer CLI; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
