import path from "node:path";
import { describe, expect, it } from "vitest";
import { metadata as rootMetadata } from "@/app/layout";
import { servePublishedContent } from "@/tests/content/build-content";
import { site } from "@/site.config.mjs";
import {
  authorListingPage,
  homeListing,
  paginate,
  parsePage,
  sectionListingPage,
  siteChannel,
  topicListingPage,
  type Listing,
  type ListingPageData,
} from "./listings";
import { listingMetadata } from "./metadata";
import { HOME_PATH, SECTIONS_PATH, TOPICS_PATH, pagePath } from "./url.mjs";

/** Four stories in two sections, by two authors (one story by both), one of them live. */
const fixtures = path.resolve(import.meta.dirname, "../tests/fixtures/listings");
servePublishedContent(fixtures);

const slugs = (listing: Listing) => listing.stories.map((s) => s.slug);
const world = () => sectionListingPage("world")!;
const trade = () => topicListingPage("trade")!;
const ann = () => authorListingPage("ann-writer")!;

describe("what each listing lists", () => {
  it("the home page: every story, newest first", () => {
    expect(slugs(homeListing())).toEqual([
      "energy-prices-fall",
      "talks-live",
      "ports-reopen",
      "trade-deal-signed",
    ]);
  });

  it("a section, a topic, an author: only their own stories, newest first", () => {
    expect(slugs(world())).toEqual(["talks-live", "ports-reopen", "trade-deal-signed"]);
    expect(slugs(topicListingPage("energy")!)).toEqual(["energy-prices-fall", "trade-deal-signed"]);
    // A story by two authors is in both authors' listings.
    expect(slugs(authorListingPage("bo-reporter")!)).toEqual(["energy-prices-fall", "ports-reopen"]);
    expect(slugs(ann())).toEqual(["talks-live", "ports-reopen", "trade-deal-signed"]);
  });

  it("an empty section is a listing with no stories; an unknown slug is no listing at all", () => {
    expect(slugs(sectionListingPage("culture")!)).toEqual([]);
    expect(sectionListingPage("no-such-section")).toBeNull();
    expect(topicListingPage("no-such-topic")).toBeNull();
    expect(authorListingPage("no-such-author")).toBeNull();
  });

  it("every listing's stories link to pages of their own on the site", () => {
    for (const listing of [homeListing(), world(), trade(), ann()]) {
      for (const story of listing.stories) expect(story.url.startsWith("/"), story.url).toBe(true);
    }
  });
});

describe("one description of a listing for its page, its feeds and the sitemap", () => {
  const pages: [string, () => ListingPageData][] = [
    ["section", world],
    ["topic", trade],
    ["author", ann],
  ];

  it.each(pages)("the %s's feeds mirror its page: same path, description and stories", (_, page) => {
    const listing = page();
    expect(listing.channel).toMatchObject({ path: listing.path, description: listing.description });
    expect(listing.channel.stories).toEqual(listing.stories);
  });

  it.each(pages)("the %s's feed is titled as its page is in the browser's tab", (_, page) => {
    const listing = page();
    const template = (rootMetadata.title as { template: string }).template;
    const pageTitle = listingMetadata(listing, 1).title as string;
    expect(listing.channel.title).toBe(template.replace("%s", pageTitle));
  });

  it("the site's feeds are the home page's, titled with the site's name", () => {
    const home = homeListing();
    expect(siteChannel()).toEqual({
      title: site.name,
      description: home.description,
      path: HOME_PATH,
      stories: home.stories,
    });
  });

  it.each(pages)("the %s's page n has its own canonical address; page 1 is the listing's own", (_, page) => {
    const listing = page();
    expect(listingMetadata(listing, 1).alternates?.canonical).toBe(listing.path);
    expect(listingMetadata(listing, 2).alternates?.canonical).toBe(pagePath(listing.path, 2));
    expect(listingMetadata(listing, 2).title).toContain("page 2");
  });

  it("an empty listing is a page for readers but says noindex to search engines", () => {
    expect(listingMetadata(sectionListingPage("culture")!, 1).robots).toMatchObject({ index: false });
    expect(listingMetadata(world(), 1).robots).toMatchObject({ index: true });
  });
});

describe("breadcrumbs", () => {
  it("start at the home page and end at the listing itself", () => {
    for (const listing of [world(), trade(), ann()]) {
      expect(listing.crumbs[0].path).toBe(HOME_PATH);
      expect(listing.crumbs.at(-1)).toEqual({ name: listing.title, path: listing.path });
    }
  });

  it("a section's and a topic's pass through their index page; an author's has none", () => {
    expect(world().crumbs.map((c) => c.path)).toEqual([HOME_PATH, SECTIONS_PATH, world().path]);
    expect(trade().crumbs.map((c) => c.path)).toEqual([HOME_PATH, TOPICS_PATH, trade().path]);
    expect(ann().crumbs.map((c) => c.path)).toEqual([HOME_PATH, ann().path]);
  });
});

describe("paging", () => {
  const items = ["a", "b", "c", "d", "e"];
  it("splits a list into pages of the given size, and has no page past the last", () => {
    expect(paginate(items, 1, 2)).toEqual({ items: ["a", "b"], page: 1, totalPages: 3, total: 5 });
    expect(paginate(items, 3, 2)?.items).toEqual(["e"]);
    expect(paginate(items, 4, 2)).toBeNull();
    expect(paginate([], 1, 2)).toEqual({ items: [], page: 1, totalPages: 1, total: 0 });
  });

  it("takes only a plain page number from an address", () => {
    expect(parsePage("2")).toBe(2);
    for (const bad of ["0", "01", "2.0", "-1", "two", ""])
      expect(paginate(items, parsePage(bad), 2)).toBeNull();
  });
});
