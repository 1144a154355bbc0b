import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers (docs/decisions/0013-layers.md): content flows one way, content/ -> schema/ -> the
 * store -> lib/content.ts -> lib/ -> app/ (routes) -> components/, and these rules keep it so.
 *
 * ESLint keeps one list of restrictions per rule and file: a config object that sets
 * no-restricted-imports for some files replaces, not extends, what an earlier one set for them.
 * So each place below lists every import restriction that holds there.
 */

/**
 * The generated content and the store that publishing writes are read in one place,
 * lib/content.ts, which judges what readers may see (drafts, scheduled stories, takedowns) and
 * builds the indexes once per version of the content. Anything else reading them would show
 * what readers must not see, or rebuild what is already built.
 */
const contentSources = {
  regex: String.raw`^contentlayer2?/generated(/|$)|(^|/)\.contentlayer(/|$)|(^|/)store\.mjs$`,
  message:
    "Only lib/content.ts reads the generated content and the store (lib/store.mjs): ask it (getStoryBySlug, getAllStories, getStoredStories, ...).",
};

/**
 * Components draw what they are given: the route (or a lib/ function it calls, such as
 * storyPage or teaserOf) looks it up and passes it down as props. Besides types, a component
 * may import from lib/ only the helpers that read no content: lib/format (dates and names as
 * readers see them), lib/share (share links from a URL and a title) and lib/url (paths and
 * absolute URLs). Every other module of lib/ looks content up. (lib/structured-data has a rule
 * of its own, below.)
 */
const lookups = {
  regex: String.raw`^(@/|(\.\./)+)lib/(?!((format|share|url)(\.ts|\.mjs)?|structured-data)$)`,
  allowTypeImports: true,
  message:
    "Components receive content as props and never look it up: let the route (or a lib/ function it calls) pass it down. Only types, lib/format, lib/share and lib/url may be imported here.",
};

/**
 * Structured data describes a whole page (one schema.org graph per page), so the route that
 * knows the page emits it; a component that emitted its own would add a second, partial graph
 * wherever it is used. (The sizes of the logo and of social images, which the metadata and the
 * social images share, are facts, not JSON-LD.)
 */
const jsonLdMessage =
  "JSON-LD is emitted by routes only: build it with lib/structured-data and render <JsonLd> in app/.";
const jsonLd = [
  { regex: String.raw`(^|/)components/JsonLd$|^\./JsonLd$`, message: jsonLdMessage },
  {
    regex: String.raw`(^|/)lib/structured-data$|^\./structured-data$`,
    allowTypeImports: true,
    allowImportNames: ["LOGO", "SOCIAL_IMAGE"],
    message: jsonLdMessage,
  },
];

/**
 * deploy/ is what runs the site in production; scripts/ are the newsroom's and the developers'
 * tools. The deployment must not depend on them: a module both need lives outside scripts/.
 */
const scriptsFromDeploy = {
  regex: String.raw`(^|/)scripts/`,
  message: "deploy/ does not import scripts/: move what both need out of scripts/.",
};

/**
 * @param {...(object | object[])} patterns
 * @returns {import("eslint").Linter.RulesRecord}
 */
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns: patterns.flat() }] });

/**
 * Besides lib/content.ts and the types in schema/types.ts (a type-only import), the store is
 * read by what manages it rather than by what shows it: the server, which watches it
 * (server.mjs, lib/server/preview.mjs for isPublic), Next's page cache and config, which key
 * pages and the build on its version and place, the scripts that write it (publish, takedown,
 * preview links), and the store's own tests.
 */
const contentReaders = [
  "lib/content.ts",
  "schema/types.ts",
  "server.mjs",
  "lib/server/preview.mjs",
  "lib/server/routes.test.ts",
  "lib/cache-handler.mjs",
  "lib/store.test.ts",
  "next.config.ts",
  "scripts/publish.mjs",
  "scripts/takedown.mjs",
  "scripts/preview.mjs",
];

/**
 * Code runs in the browser only where it must, and says so in its name (`*.island.tsx`), so
 * that anyone sees at a glance what ships JavaScript. Next requires its error boundaries
 * (app/error.tsx, app/global-error.tsx) to be client components.
 */
const clientOnlyMessage =
  "'use client' only in a *.island.tsx file: name the component so (see docs/decisions/0013-layers.md).";
/** @type {import("eslint").Linter.Config} */
const clientOnlyInIslands = {
  ignores: ["**/*.island.tsx", "app/error.tsx", "app/global-error.tsx"],
  rules: {
    "no-restricted-syntax": [
      "error",
      { selector: "Program > ExpressionStatement[directive='use client']", message: clientOnlyMessage },
    ],
  },
};

/** What each layer rule says when it fails, for its test (tests/lint-layers.test.ts). */
export const layerMessages = {
  contentSources: contentSources.message,
  lookups: lookups.message,
  jsonLd: jsonLdMessage,
  scriptsFromDeploy: scriptsFromDeploy.message,
  clientOnlyInIslands: clientOnlyMessage,
};

/** @type {import("eslint").Linter.Config[]} */
const layers = [
  { rules: restrict(contentSources, jsonLd) },
  { files: ["app/**"], rules: restrict(contentSources) },
  { files: ["components/**"], rules: restrict(contentSources, jsonLd, lookups) },
  { files: ["deploy/**"], rules: restrict(contentSources, jsonLd, scriptsFromDeploy) },
  { files: contentReaders, rules: restrict(jsonLd) },
  // The structured data's own test reads it as a crawler does: from what <JsonLd> renders.
  { files: ["lib/structured-data.test.ts"], rules: restrict(contentSources) },
  clientOnlyInIslands,
];

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
  ...layers,
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
