/**
 * The layer rules in eslint.config.mjs: each fails on a deliberate violation, naming why, and
 * the same code where it is allowed passes, so that each rule is shown to be scoped, not merely
 * on. (That the project itself keeps every layer is `npm run lint`, a step of `npm test`.)
 */
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { layerMessages } from "../eslint.config.mjs";

const root = path.resolve(import.meta.dirname, "..");
const layerRules = ["no-restricted-imports", "no-restricted-syntax"];
// Only the layer rules run: the rest of the configuration has nothing to say here.
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => layerRules.includes(ruleId) });

async function problems(code: string, file: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages;
}

type Layer = keyof typeof layerMessages;

const cases: {
  layer: Layer;
  rule: string;
  what: string;
  code: string;
  forbidden: string;
  allowed: string[];
}[] = [
  {
    layer: "contentSources",
    rule: "no-restricted-imports",
    what: "a lib module other than lib/content.ts importing the generated content",
    code: 'import { allStories } from "contentlayer/generated";\nexport const n = allStories.length;\n',
    forbidden: "lib/feeds.ts",
    allowed: ["lib/content.ts"],
  },
  {
    layer: "contentSources",
    rule: "no-restricted-imports",
    what: "a lib module reading the store",
    code: 'import { contentStore } from "./store.mjs";\nexport const current = () => contentStore().current();\n',
    forbidden: "lib/search.ts",
    allowed: ["lib/content.ts", "lib/cache-handler.mjs"],
  },
  {
    layer: "contentSources",
    rule: "no-restricted-imports",
    what: "a route importing Contentlayer's output by its path",
    code: 'import stories from "../.contentlayer/generated/Story/_index.json";\nexport default stories;\n',
    forbidden: "app/page.tsx",
    allowed: ["lib/content.ts"],
  },
  {
    layer: "lookups",
    rule: "no-restricted-imports",
    what: "a component looking a story up",
    code: 'import { getStoryBySlug } from "@/lib/content";\nexport const Headline = () => <h1>{getStoryBySlug("x")?.headline}</h1>;\n',
    forbidden: "components/StoryCard.tsx",
    allowed: ["app/stories/[slug]/page.tsx", "app/_lib/listing-routes.tsx"],
  },
  {
    layer: "lookups",
    rule: "no-restricted-imports",
    what: "a component importing a look-up module by a relative path",
    code: 'import { relatedStories } from "../lib/related";\nexport const n = relatedStories;\n',
    forbidden: "components/RelatedStories.tsx",
    allowed: ["app/page.tsx"],
  },
  {
    layer: "jsonLd",
    rule: "no-restricted-imports",
    what: "a component rendering JSON-LD",
    code: 'import { JsonLd } from "@/components/JsonLd";\nexport const Data = () => <JsonLd data={{}} />;\n',
    forbidden: "components/StoryView.tsx",
    allowed: ["app/page.tsx", "app/_lib/listing-routes.tsx"],
  },
  {
    layer: "jsonLd",
    rule: "no-restricted-imports",
    what: "a component building structured data",
    code: 'import { graph } from "@/lib/structured-data";\nexport const data = graph();\n',
    forbidden: "components/ListingPage.tsx",
    allowed: ["app/topics/page.tsx"],
  },
  {
    layer: "scriptsFromDeploy",
    rule: "no-restricted-imports",
    what: "the deployment importing a script's module",
    code: 'import { wrk } from "../scripts/lib/wrk.mjs";\nexport const load = wrk;\n',
    forbidden: "deploy/instances.mjs",
    allowed: ["e2e/deploy.spec.ts"],
  },
  {
    layer: "clientOnlyInIslands",
    rule: "no-restricted-syntax",
    what: "'use client' in a component that is not an island",
    code: '"use client";\nexport const Button = () => <button type="button">Share</button>;\n',
    forbidden: "components/ShareLinks.tsx",
    allowed: ["components/ShareButton.island.tsx", "app/error.tsx", "app/global-error.tsx"],
  },
];

describe("layer rules", () => {
  for (const { layer, rule, what, code, forbidden, allowed } of cases) {
    it(`fail on ${what} (${forbidden})`, async () => {
      expect(await problems(code, forbidden)).toContainEqual(
        expect.objectContaining({ ruleId: rule, message: expect.stringContaining(layerMessages[layer]) }),
      );
    });

    it(`allow the same code in ${allowed.join(", ")}`, async () => {
      for (const file of allowed) expect(await problems(code, file), file).toEqual([]);
    });
  }

  it("let a component import types from any module, and values from the helpers that read no content", async () => {
    const code = [
      'import type { Story } from "@/lib/content";',
      'import type { LivePage } from "@/lib/live";',
      'import { formatDate } from "@/lib/format";',
      'import { absoluteUrl } from "@/lib/url.mjs";',
      'import { SOCIAL_IMAGE } from "@/lib/structured-data";',
      "export const f = (s: Story, l: LivePage) => [formatDate(s.publishedAt), absoluteUrl(s.url), l, SOCIAL_IMAGE];",
    ].join("\n");
    expect(await problems(code, "components/StoryCard.tsx")).toEqual([]);
  });
});
