import type { FixtureAuthor, FixtureStory } from "./fixture-store";

/**
 * A small newsroom for the library's unit tests (lib/related, lib/search): stories that share
 * topics and sections in known ways, a draft and a scheduled story that no reader may see, and
 * a run of stories on one subject, more than a page of search results.
 */
export const authors: FixtureAuthor[] = [
  { slug: "jane-doe", name: "Jane Doe" },
  { slug: "sam-lee", name: "Sam Lee" },
];

const day = (d: number) => `2025-06-${String(d).padStart(2, "0")}T09:00:00Z`;
const inADay = () => new Date(Date.now() + 24 * 3600_000).toISOString().replace(/\.\d+Z$/, "Z");

export const harbourStories = Array.from(
  { length: 12 },
  (_, i): FixtureStory => ({
    slug: `harbour-${i + 1}`,
    headline: `Harbour report number ${i + 1}`,
    published: day(i + 1).replace("2025-06", "2025-05"),
    authors: ["sam-lee"],
    section: "Science",
    topics: ["Shipping"],
    body: `The harbour master counted ${i + 1} ships.`,
  }),
);

export const stories = (): FixtureStory[] => [
  {
    slug: "talks",
    headline: "Trade talks begin in London",
    published: day(10),
    authors: ["jane-doe"],
    section: "World",
    topics: ["Trade", "Tariffs", "China"],
    body: `${"Delegations arrived through the morning and the first session ran late. ".repeat(8)}The question of tariffs on rare earth minerals was left for a second day.`,
  },
  {
    slug: "tariffs-latest",
    headline: "Tariffs: what changes for importers",
    published: day(9),
    authors: ["sam-lee"],
    section: "Business",
    topics: ["Trade", "Tariffs"],
  },
  { slug: "trade-older", headline: "Trade deficit narrows", published: day(1), authors: ["jane-doe"], section: "World", topics: ["Trade"] },
  { slug: "china-economy", headline: "Factory output rises", published: day(8), authors: ["sam-lee"], section: "Business", topics: ["China"] },
  { slug: "trade-business", headline: "Exporters find new buyers", published: day(7), authors: ["sam-lee"], section: "Business", topics: ["Trade"] },
  { slug: "world-newer", headline: "Elections called for autumn", published: day(11), authors: ["jane-doe"], section: "World", topics: ["Elections"] },
  { slug: "world-other", headline: "Storms close roads in the north", published: day(5), authors: ["jane-doe"], section: "World", topics: ["Weather"] },
  { slug: "politics-only", headline: "Parliament returns", published: day(6), authors: ["jane-doe"], section: "Politics", topics: ["Parliament"] },
  {
    slug: "draft-trade",
    headline: "Draft: the zeppelin tariff deal",
    published: day(12),
    authors: ["jane-doe"],
    section: "World",
    topics: ["Trade", "Tariffs", "China"],
    body: "A zeppelin carried the tariff papers.",
    draft: true,
  },
  {
    slug: "scheduled-trade",
    headline: "Tomorrow: the quokka tariff summit",
    published: inADay(),
    authors: ["jane-doe"],
    section: "World",
    topics: ["Trade", "Tariffs", "China"],
    body: "A quokka will attend the tariff summit.",
  },
  ...harbourStories,
];
