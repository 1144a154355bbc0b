/**
 * Site-wide facts, in one place. Read by the content schema (contentlayer.config.ts), by lib/,
 * the routes and components, and by the Node scripts (npm run new, live, bench), which is why it
 * is plain JavaScript: Node 20 runs no TypeScript. TypeScript reads its types from the values
 * and the JSDoc below (tsconfig checkJs). It imports nothing, so every layer may depend on it.
 */

/** The site's language, as a BCP 47 tag: pages, dates, numbers, feeds, structured data. */
const language = "en-GB";

export const site = /** @type {const} */ ({
  name: "Broadsheet",
  tagline: "News, told plainly.",
  description:
    "Broadsheet is an independent news publication: reporting on the world, politics, business, technology, science and culture.",
  language,
  /**
   * The public origin every absolute URL is made from (share links, canonical URLs, feeds).
   * Read at build time: prerendered pages keep the value the build saw.
   */
  url: (process.env.SITE_URL || "http://localhost:3000").replace(/\/+$/, ""),
  /** Dates are shown in the newsroom's time zone, the same for every reader. */
  timeZone: "Europe/London",
  /** OpenGraph's locale for the language above: "en_GB". */
  locale: language.replace("-", "_"),
});

/**
 * The colours, by what they are for, in the light and the dark scheme: the stylesheet's
 * `--color-*` variables and Tailwind's colour names (`bg-paper`, `text-muted`, through
 * tailwind.config.mjs), the browser's theme colour (app/layout.tsx) and the social images
 * (app/_lib/social-image.tsx). Contrast is at least 7:1 for text.
 */
export const palette = /** @type {const} */ ({
  light: {
    paper: "#fffdf9",
    ink: "#1a1a1a",
    muted: "#545454",
    rule: "#d6d3cc",
    accent: "#a4161a",
    focus: "#0b57d0",
    avatar: "#e8e1d5",
  },
  dark: {
    paper: "#121212",
    ink: "#ececec",
    muted: "#b4b4b4",
    rule: "#3a3a3a",
    accent: "#ff8f8f",
    focus: "#8ab4f8",
    avatar: "#33302b",
  },
});

/**
 * The sections a story may belong to. A story naming any other section fails the build.
 * `slug` is the URL segment; `name` is what readers see.
 */
export const sections = /** @type {const} */ ([
  { name: "World", slug: "world", description: "Reporting from around the globe." },
  { name: "Politics", slug: "politics", description: "Government, elections and policy." },
  { name: "Business", slug: "business", description: "Companies, markets and the economy." },
  { name: "Technology", slug: "technology", description: "The industry and its effect on everyone else." },
  { name: "Science", slug: "science", description: "Research, health and the environment." },
  { name: "Culture", slug: "culture", description: "Books, film, music and the arts." },
]);

/** @typedef {(typeof sections)[number]} Section */
/** @typedef {Section["name"]} SectionName */

/** @type {SectionName[]} */
export const sectionNames = sections.map((s) => s.name);

/** How many stories a listing page (section, topic, author) shows. */
export const PAGE_SIZE = 20;

/**
 * How many entries a page of a live blog shows (the pinned ones aside, above them on page 1):
 * the newest at the story's address, older ones at /stories/<slug>/page/<n>.
 */
export const LIVE_PAGE_SIZE = 20;

/** How many of a live blog's newest entries its structured data lists (liveBlogUpdate). */
export const LIVE_BLOG_UPDATES = 10;

/**
 * How many results a page of search results shows: ten, as search engines show, each with its
 * snippet. Half a listing page: a search page is rendered for each new query (no cache can
 * hold them all), and at 20 results rendering it cost a third more.
 */
export const SEARCH_PAGE_SIZE = 10;

/**
 * The longest search query, in characters: the search field accepts no more, and a longer one
 * in the address is answered with a message, not searched.
 */
export const MAX_QUERY_LENGTH = 1000;

/** How many stories each section's group on the home page shows. */
export const HOME_STORIES_PER_SECTION = 4;

/** How many related stories a story page suggests. */
export const RELATED_STORIES_COUNT = 4;

/** How many of the newest stories a feed carries. */
export const FEED_ITEMS_COUNT = 50;

/** Google News sitemaps list the stories published in the last two days. */
export const NEWS_SITEMAP_WINDOW_HOURS = 48;

/**
 * How often a live page's island asks for new entries (components/LiveUpdates.island.tsx), in
 * seconds: the issue allows 15 to 30. At 20, a new entry reaches a reader within about 22 s
 * (the poll, plus nginx's 2 s of freshness), and 1,000 readers send 50 polls a second, which
 * nginx answers from its cache.
 */
export const LIVE_POLL_SECONDS = 20;
