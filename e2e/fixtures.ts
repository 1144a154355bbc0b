/**
 * The specs' shared helpers, as Playwright fixtures: a spec imports `test` and `expect` from
 * here and asks for what it needs by name (`async ({ page, axe, layoutShifts }) => …`). Each
 * fixture is set up only for a test that asks for it, on that test's own page or request context.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FRAME_ORIGINS, PROVIDERS } from "../schema/embeds.mjs";
import { SITE_URL } from "./env";

export { expect };

/** Both colour schemes a reader's system may ask for: pages are checked in each. */
export const COLOR_SCHEMES = ["light", "dark"] as const;

/** A public URL, as crawlers see it, mapped onto the server under test (it must be on the site URL). */
export function publicPath(url: string) {
  expect(url === SITE_URL || url.startsWith(`${SITE_URL}/`), `${url} is not on ${SITE_URL}`).toBe(true);
  return url.slice(SITE_URL.length) || "/";
}

/** The sitemap's parser: `url` and `sitemap` are always lists, even of one. */
export const sitemapXml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["url", "sitemap"].includes(name),
});

/** What the embed providers' stubbed pages say (no internet here: see the `embedProviders` fixture). */
export const PROVIDER_STUB_TEXT = "Stub of the provider's page";

type Fixtures = {
  /** Expects no WCAG 2.2 A or AA violation on the page, in the colour scheme it is emulating now. */
  axe: () => Promise<void>;
  /** The page's layout shifts summed from the start of its load (CLS, as the browser reports it). */
  layoutShifts: () => Promise<number>;
  /** Every request the page made since the test began to an origin other than the site's, by URL. */
  offSiteRequests: () => string[];
  /**
   * The embed providers' frame origins and page hosts (schema/embeds.mjs) answer with a stub
   * page; the list fills with the URLs that reached them.
   */
  embedProviders: string[];
  /** The scripts a page of the site fetches, in the test's browser page, once it has settled. */
  scriptsOf: (url: string) => Promise<Set<string>>;
  /** GETs a path of the site, expects 200, and gives its text and Content-Type. */
  fetchText: (path: string) => Promise<{ text: string; type: string }>;
  /** The site's sitemap.xml, checked well formed: each URL listed, with its last change. */
  sitemapUrls: () => Promise<{ loc: string; lastmod?: string }[]>;
  /** The feeds a page announces in its <head>. */
  feedLinks: (path: string) => Promise<{ type: string; href: string; title: string }[]>;
  /** The page's one JSON-LD graph (it must have exactly one, in schema.org's context), as a list of nodes. */
  jsonLd: (path: string) => Promise<Record<string, unknown>[]>;
};

// Each fixture hands its value to the test with `provide` (Playwright's docs call it `use`, a name
// that React's hooks lint rule would take for React's own).
export const test = base.extend<Fixtures>({
  axe: async ({ page }, provide) => {
    await provide(async () => {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
      );
      expect(summary, summary.join("\n")).toEqual([]);
    });
  },

  layoutShifts: async ({ page }, provide) => {
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[]) {
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await provide(() => page.evaluate(() => (window as unknown as { cls: number }).cls));
  },

  offSiteRequests: async ({ page, baseURL }, provide) => {
    const site = new URL(baseURL!).origin;
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await provide(() => urls.filter((url) => /^https?:/.test(url) && new URL(url).origin !== site));
  },

  embedProviders: async ({ context }, provide) => {
    await provide(await stubEmbedProviders(context));
  },

  scriptsOf: async ({ page }, provide) => {
    await provide(async (url) => {
      const urls = new Set<string>();
      const record = (request: { url: () => string; resourceType: () => string }) => {
        if (request.resourceType() === "script") urls.add(request.url());
      };
      page.on("request", record);
      await page.goto(url, { waitUntil: "networkidle" });
      page.off("request", record);
      return urls;
    });
  },

  fetchText: async ({ request }, provide) => {
    await provide(async (path) => {
      const response = await request.get(path);
      expect(response.status(), `${path} answers ${response.status()}`).toBe(200);
      return { text: await response.text(), type: response.headers()["content-type"] ?? "" };
    });
  },

  sitemapUrls: async ({ fetchText }, provide) => {
    await provide(async () => {
      const { text } = await fetchText("/sitemap.xml");
      expect(XMLValidator.validate(text)).toBe(true);
      return (sitemapXml.parse(text).urlset.url as { loc: string; lastmod?: string }[]).map((u) => ({
        loc: u.loc,
        lastmod: u.lastmod,
      }));
    });
  },

  feedLinks: async ({ fetchText }, provide) => {
    await provide(async (path) => {
      const { text } = await fetchText(path);
      return [
        ...text.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)" title="([^"]+)"\/>/g),
      ].map(([, type, href, title]) => ({ type, href, title }));
    });
  },

  jsonLd: async ({ fetchText }, provide) => {
    await provide(async (path) => {
      const { text } = await fetchText(path);
      const blocks = [...text.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
        JSON.parse(m[1]),
      );
      expect(blocks, `${path} has one JSON-LD graph`).toHaveLength(1);
      expect(blocks[0]["@context"]).toBe("https://schema.org");
      return blocks[0]["@graph"] as Record<string, unknown>[];
    });
  },
});

async function stubEmbedProviders(context: BrowserContext) {
  const reached: string[] = [];
  const hosts = [
    ...FRAME_ORIGINS,
    ...Object.values(PROVIDERS).flatMap((p) => p.hosts.map((host) => `https://${host}`)),
  ];
  for (const origin of new Set(hosts)) {
    await context.route(`${origin}/**`, (route) => {
      reached.push(route.request().url());
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang=en><title>Stub</title><p>${PROVIDER_STUB_TEXT}</p>`,
      });
    });
  }
  return reached;
}

/**
 * One test per colour scheme, titled `${title} (light)` and `${title} (dark)`: the page at
 * `path` has no WCAG 2.2 A or AA violation.
 */
export function testNoAxeViolations(title: string, path: string) {
  for (const colorScheme of COLOR_SCHEMES) {
    test(`${title} (${colorScheme})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await axe();
    });
  }
}
