import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Internal links are plain <a>: every page is prerendered HTML, and next/link would add
      // client JavaScript and prefetch traffic a reader on a slow phone connection pays for.
      // See docs/decisions/0002-plain-links.md.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  globalIgnores([
    ".next/**",
    ".next-test/**",
    ".synthetic/**",
    ".bench/**",
    ".contentlayer/**",
    ".broadsheet/**",
    ".deploy/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
