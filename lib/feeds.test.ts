import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { servePublishedContent } from "@/tests/content/build-content";
import { site } from "@/site.config.mjs";
import { getLiveEntries, getStoryBySlug } from "./content";
import { feedAlternates, feedFormats, isFeedFormat, liveChannel, renderFeed, type Channel } from "./feeds";
import { entryPermalink } from "./live";
import { sectionListingPage, siteChannel } from "./listings";
import { FEED_FORMATS, HOME_PATH, absoluteUrl, feedPath } from "./url.mjs";

/** Four stories in two sections, by two authors, one of them live with two entries. */
const fixtures = path.resolve(import.meta.dirname, "../tests/fixtures/listings");
servePublishedContent(fixtures);

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["item", "entry", "link"].includes(name),
});

type Item = { title: string; link: string; id: string; content: string };

/** What a feed reader gets from a feed: its title, its links, its items in order. */
function read(channel: Channel, format: (typeof FEED_FORMATS)[number]) {
  const text = renderFeed(channel, format);
  if (format === "feed.json") {
    const feed = JSON.parse(text);
    return {
      title: feed.title as string,
      home: feed.home_page_url as string,
      self: feed.feed_url as string,
      items: (feed.items as { title: string; url: string; id: string; content_html: string }[]).map(
        (i): Item => ({ title: i.title, link: i.url, id: i.id, content: i.content_html }),
      ),
    };
  }
  if (format === "atom.xml") {
    const feed = xml.parse(text).feed;
    const href = (links: Record<string, string>[], rel: string) =>
      links.find((l) => l["@_rel"] === rel)!["@_href"];
    return {
      title: feed.title as string,
      home: href(feed.link, "alternate"),
      self: href(feed.link, "self"),
      items: (feed.entry as Record<string, never>[]).map((e): Item => ({
        title: e.title,
        link: href(e.link, "alternate"),
        id: e.id,
        content: e.content["#text"],
      })),
    };
  }
  const feed = xml.parse(text).rss.channel;
  return {
    title: feed.title as string,
    home: feed.link[0] as string,
    self: feed["atom:link"]["@_href"] as string,
    items: (feed.item as Record<string, never>[]).map((i): Item => ({
      title: i.title,
      link: i.link[0],
      id: i.guid["#text"],
      content: i["content:encoded"],
    })),
  };
}

describe.each(FEED_FORMATS)("%s", (format) => {
  it("a section's feed: its title, its page, its own address, its stories newest first", () => {
    const listing = sectionListingPage("world")!;
    const feed = read(listing.channel, format);
    expect(feed.title).toBe(listing.channel.title);
    expect(feed.home).toBe(absoluteUrl(listing.path));
    expect(feed.self).toBe(absoluteUrl(feedPath(listing.path, format)));
    expect(feed.items.map((i) => i.title)).toEqual(listing.stories.map((s) => s.headline));
    expect(feed.items.map((i) => i.link)).toEqual(listing.stories.map((s) => absoluteUrl(s.url)));
    expect(feed.items.map((i) => i.id)).toEqual(feed.items.map((i) => i.link));
  });

  it("the site's feed is the home page's, with every story", () => {
    const channel = siteChannel();
    const feed = read(channel, format);
    expect(feed.title).toBe(site.name);
    expect(feed.home).toBe(site.url);
    expect(feed.self).toBe(absoluteUrl(feedPath(HOME_PATH, format)));
    expect(feed.items).toHaveLength(channel.stories.length);
  });

  it("every link in an item's content is absolute, on the site: a reader has no page to resolve it against", () => {
    const listing = sectionListingPage("world")!;
    const item = read(listing.channel, format).items.find((i) => i.title === "Trade deal signed")!;
    const story = getStoryBySlug("trade-deal-signed")!;
    const hrefs = [...item.content.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toContain(absoluteUrl(sectionListingPage("world")!.path));
    expect(hrefs).toContain(`${absoluteUrl(story.url)}#what-it-means`);
    for (const href of hrefs) expect(new URL(href).origin).toBe(new URL(site.url).origin);
  });

  it("a live story's feed: its entries, newest first, each at its own permalink", () => {
    const story = getStoryBySlug("talks-live")!;
    const feed = read(liveChannel(story), format);
    expect(feed.home).toBe(absoluteUrl(story.url));
    expect(feed.self).toBe(absoluteUrl(feedPath(story.url, format)));
    const entries = getLiveEntries(story);
    expect(entries.map((e) => e.timeAt)).toEqual([...entries.map((e) => e.timeAt)].sort().reverse());
    expect(feed.items.map((i) => i.link)).toEqual(entries.map((e) => absoluteUrl(entryPermalink(story, e))));
    // An untitled entry is titled by its first words.
    expect(feed.items.map((i) => i.title)).toEqual(["The talks paused for lunch.", "Talks open"]);
  });
});

describe("feed discovery", () => {
  it("announces each channel's feeds by type, named by channel and format, at their own addresses", () => {
    const channels = [sectionListingPage("world")!.channel, siteChannel()];
    const alternates = feedAlternates(channels);
    for (const format of FEED_FORMATS) {
      const announced = alternates[feedFormats[format].mime];
      expect(announced.map((a) => a.url)).toEqual(channels.map((c) => absoluteUrl(feedPath(c.path, format))));
      announced.forEach((a, i) => {
        expect(a.title).toContain(channels[i].title);
        expect(a.title).toContain(feedFormats[format].name);
      });
    }
  });
});

describe("feed names", () => {
  it("are the three formats' file names and nothing else, not even what every object has", () => {
    for (const name of FEED_FORMATS) expect(isFeedFormat(name)).toBe(true);
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "feed.rss", "page"]) {
      expect(isFeedFormat(name), name).toBe(false);
    }
  });
});
