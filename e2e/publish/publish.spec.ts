/**
 * Publishing without a build, for real: a workspace of 40 synthetic stories, built once, served
 * by one production server (its own cache in memory) and by the reference deployment (nginx in
 * front of two instances that share a Redis cache), all reading one store. Each test changes content/ as an editor would, runs `npm run publish`
 * (or `npm run takedown`), and polls every surface on every server and through nginx until the
 * change shows, failing past the deadline (5 s; 30 s after its time for a scheduled story).
 * After each step, the sitemaps of every server list exactly the stories that are public.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { slug as slugify } from "github-slugger";
import { parse as parseYaml } from "yaml";
import type { Cluster } from "../../deploy/cluster.mjs";
import { PREVIEW_HEADERS } from "../../lib/preview.mjs";
import { livePollPath } from "../../lib/url.mjs";
import { PUBLISH, SITE_URL } from "../env";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const root = process.cwd();
const ws = path.resolve(PUBLISH.dir);
const storiesDir = path.join(ws, "content", "stories");
const DEADLINE_MS = 5_000;

let cluster: Cluster;
/** Every way a reader reaches the site: the lone server, each instance, and nginx. */
let bases: { name: string; url: string }[] = [];

test.beforeAll(async () => {
  const { startCluster } = await import("../../deploy/cluster.mjs");
  cluster = await startCluster({
    instances: 2,
    port: PUBLISH.opsPort,
    standalone: ws,
    distDir: ".next",
    store: path.join(ws, ".broadsheet", "store"),
    // The instances share rendered pages through Redis, as a deployment on several machines would.
    redis: true,
  });
  bases = [
    { name: "server", url: PUBLISH.baseURL },
    ...cluster.instances.map((i) => ({ name: `instance ${i.index + 1}`, url: `http://127.0.0.1:${i.port}` })),
    { name: "nginx", url: cluster.url },
  ];
});
test.afterAll(async () => {
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", script), ...args], {
    cwd: ws,
    env: { ...process.env, PWD: ws },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, returnedAt: Date.now() };
}
const publish = (...files: string[]) => run("publish.mjs", files);

type Probe = { slug: string; headline: string; section: string; topic: string; word: string };

function writeStory(p: Probe, { published, extra = "" }: { published: number; extra?: string }) {
  writeFileSync(
    path.join(storiesDir, `${p.slug}.md`),
    [
      "---",
      `headline: ${p.headline}`,
      `standfirst: A story the publishing test writes, publishes and changes while the site runs.`,
      `published: ${iso(published)}`,
      "author: synthetic-author",
      `section: ${p.section[0].toUpperCase()}${p.section.slice(1)}`,
      "topics:",
      `  - ${p.topic.replace(/-/g, " ")}`,
      extra,
      "---",
      "",
      `Test data, not news. Its planted word is ${p.word}.`,
      "",
    ].join("\n"),
  );
}

type Fetched = { status: number; body: string; type: string; cache?: string };
async function get(url: string): Promise<Fetched> {
  try {
    const response = await fetch(url);
    return {
      status: response.status,
      body: await response.text(),
      type: response.headers.get("content-type") ?? "",
      cache: response.headers.get("x-cache") ?? undefined,
    };
  } catch (error) {
    return { status: 0, body: String(error), type: "" };
  }
}

/** The headline in the page's JSON-LD, or null. */
function jsonLdHeadline(html: string): string | null {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  if (!match) return null;
  const graph = JSON.parse(match[1])["@graph"] as { "@type": string; headline?: string }[];
  return graph.find((node) => node["@type"] === "NewsArticle")?.headline ?? null;
}

/**
 * Where a public story must show, and where a story that is not public must not: its page,
 * the fronts and listings, the feeds, the sitemaps, search, its social image, and the section
 * neighbour's "next" link.
 */
function surfaces(p: Probe, neighbour: string) {
  const story = `/stories/${p.slug}`;
  const listed = (r: Fetched) => r.body.includes(`href="${story}"`);
  const inFeed = (r: Fetched) => r.body.includes(`${SITE_URL}${story}`);
  return [
    {
      name: "story page",
      path: story,
      shows: (r: Fetched) => r.status === 200 && jsonLdHeadline(r.body) === p.headline,
    },
    { name: "home", path: "/", shows: listed },
    { name: "section", path: `/${p.section}`, shows: listed },
    { name: "topic", path: `/topics/${p.topic}`, shows: listed },
    { name: "author", path: "/authors/synthetic-author", shows: listed },
    { name: "neighbour's next link", path: `/stories/${neighbour}`, shows: listed },
    { name: "site RSS", path: "/feed.xml", shows: inFeed },
    { name: "section JSON Feed", path: `/${p.section}/feed.json`, shows: inFeed },
    { name: "topic Atom", path: `/topics/${p.topic}/atom.xml`, shows: inFeed },
    { name: "author RSS", path: "/authors/synthetic-author/feed.xml", shows: inFeed },
    { name: "sitemap", path: "/sitemap.xml", shows: inFeed },
    { name: "news sitemap", path: "/news-sitemap.xml", shows: inFeed },
    { name: "search", path: `/search?q=${p.word}`, shows: listed },
    {
      name: "social image",
      path: `${story}/social.png`,
      shows: (r: Fetched) => r.status === 200 && r.type === "image/png",
    },
  ];
}

type Check = { name: string; path: string; ok: (r: Fetched) => boolean };
const present = (p: Probe, neighbour: string): Check[] =>
  surfaces(p, neighbour).map((s) => ({ name: s.name, path: s.path, ok: s.shows }));
/**
 * Gone: its page answers `status`, its topic's page and feeds are 404s unless another public
 * story has that topic, and every other surface answers 200 without naming it.
 */
const absent = (p: Probe, neighbour: string, status = 404): Check[] => {
  const topicStays = publicSlugs().some((slug) => slug !== p.slug && topicsOf(slug).includes(p.topic));
  const topic = `/topics/${p.topic}`;
  const ofTopic = (path: string) => path === topic || path.startsWith(`${topic}/`);
  return surfaces(p, neighbour).map((s) => ({
    name: s.name,
    path: s.path,
    ok:
      s.name === "story page" || s.name === "social image"
        ? (r: Fetched) => r.status === status
        : ofTopic(s.path) && !topicStays
          ? (r: Fetched) => r.status === 404
          : (r: Fetched) =>
              r.status === 200 &&
              !r.body.includes(`/stories/${p.slug}"`) &&
              !r.body.includes(`/stories/${p.slug}<`),
  }));
};

/**
 * Polls every check on every base until all hold; returns how long each base took, measured
 * from `since`. Fails at `deadline` (ms after `since`) naming what still did not hold where.
 */
async function waitForAll(checks: Check[], since: number, deadline = DEADLINE_MS) {
  const took: Record<string, number> = {};
  let failing: string[] = [];
  while (true) {
    failing = [];
    await Promise.all(
      bases
        .filter((b) => !(b.name in took))
        .map(async (base) => {
          const results = await Promise.all(
            checks.map(async (c) => [c, await get(base.url + c.path)] as const),
          );
          const bad = results
            .filter(([c, r]) => !c.ok(r))
            .map(
              ([c, r]) => `${base.name}: ${c.name} ${c.path} (${r.status}${r.cache ? `, ${r.cache}` : ""})`,
            );
          if (bad.length === 0) took[base.name] = Date.now() - since;
          else failing.push(...bad);
        }),
    );
    if (failing.length === 0) return took;
    if (Date.now() - since > deadline) {
      throw new Error(
        `not everywhere ${Math.round((Date.now() - since) / 1000)} s after the deadline's start:\n  ${failing.join("\n  ")}`,
      );
    }
    await sleep(150);
  }
}

/** A story's front matter, read from the workspace's content as an editor wrote it. */
const frontOf = (slug: string) =>
  parseYaml(readFileSync(path.join(storiesDir, `${slug}.md`), "utf8").split(/^---$/m)[1]);

/** A story's topics as the site addresses them (case and spacing do not count). */
const topicsOf = (slug: string): string[] =>
  (frontOf(slug).topics ?? []).map((t: unknown) => slugify(String(t).trim().replace(/\s+/g, " ")));

/** The slugs that are public now, read from the workspace's content as an editor wrote it. */
function publicSlugs(): string[] {
  return readdirSync(storiesDir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.replace(/\.md$/, ""))
    .filter((slug) => {
      const front = frontOf(slug);
      return front.draft !== true && Date.parse(front.published) <= Date.now();
    })
    .sort();
}

/** Every server's sitemap lists exactly the public stories: nothing hidden shows, nothing public is missing. */
async function expectSitemapsMatchContent() {
  await waitForAll(
    [
      {
        name: "sitemap lists exactly the public stories",
        path: "/sitemap.xml",
        ok: (r) => {
          const listed = [...r.body.matchAll(/\/stories\/([a-z0-9-]+)<\/loc>/g)].map((m) => m[1]).sort();
          return JSON.stringify(listed) === JSON.stringify(publicSlugs());
        },
      },
    ],
    Date.now(),
  );
}

/** The newest story of a section, as its front lists it now: the new story's future neighbour. */
async function newestIn(section: string) {
  const { body } = await get(`${PUBLISH.baseURL}/${section}`);
  return /href="\/stories\/([a-z0-9-]+)"/.exec(body.slice(body.indexOf("<main")))![1];
}

const figures: Record<string, Record<string, number>> = {};
const report = (step: string, took: Record<string, number>) => {
  figures[step] = took;
  console.log(`publish-to-live, ${step}: ${JSON.stringify(took)} (ms after the command returned)`);
};

const probe: Probe = {
  slug: "publish-probe",
  headline: "Publishing probe goes live without a build",
  section: "business",
  topic: "publishing-probe",
  word: "quillfeather",
};
let neighbour = "";
/** The scheduled probe's neighbour in its section, as it was before the probe went live. */
let scheduledNeighbour = "";

test("a new story is live on every surface, on every server and through nginx, within 5 s", async () => {
  neighbour = await newestIn(probe.section);
  // Warm every surface everywhere first, so that nginx and the instances hold the old versions.
  await waitForAll(absent(probe, neighbour), Date.now());
  writeStory(probe, { published: Date.now() - 60_000 });
  const result = publish();
  expect(result.status, result.output).toBe(0);
  report("new story", await waitForAll(present(probe, neighbour), result.returnedAt));
  await expectSitemapsMatchContent();
});

test("the instances share rendered pages through Redis, each entry marked with the content it was made from", async () => {
  const { createClient } = await import("redis");
  const redis = createClient({ url: cluster.redisUrl });
  await redis.connect();
  try {
    // Pages made in the first seconds after a publish are not shared (they may predate it).
    await sleep(2_500);
    const page = "/authors/synthetic-author/page/2";
    const [first, second] = cluster.instances.map((i) => `http://127.0.0.1:${i.port}${page}`);
    expect((await get(first)).status).toBe(200);
    const keys = await redis.keys(`broadsheet:*${page}*`);
    expect(keys.length, "a Redis entry for the page instance 1 rendered").toBeGreaterThan(0);
    const stored = () => redis.get(keys[0]).then((json) => JSON.parse(json!));
    const entry = await stored();
    const manifest = JSON.parse(readFileSync(path.join(ws, ".broadsheet", "store", "manifest.json"), "utf8"));
    expect(entry.contentVersion, "the entry names the content it was made from").toBe(manifest.id);
    const hits = async () => Number(/keyspace_hits:(\d+)/.exec(await redis.info("stats"))![1]);
    const before = await hits();
    expect((await get(second)).status).toBe(200);
    expect(await hits(), "instance 2 read the page from Redis").toBeGreaterThan(before);
    // ...and served it: had it rendered the page itself, it would have stored a newer entry.
    expect((await stored()).lastModified, "instance 2 used instance 1's entry").toBe(entry.lastModified);
  } finally {
    await redis.quit();
  }
});

test("a correction and a new headline replace the old everywhere within 5 s", async () => {
  const before = probe.headline;
  probe.headline = "Publishing probe corrected while the site runs";
  writeStory(probe, {
    published: Date.now() - 60_000,
    extra: `corrections:\n  - date: ${iso(Date.now() - 2_000)}\n    kind: correction\n    text: The headline was wrong.`,
  });
  const result = publish();
  expect(result.status, result.output).toBe(0);
  const took = await waitForAll(
    [
      ...present(probe, neighbour),
      {
        name: "correction on the page",
        path: `/stories/${probe.slug}`,
        ok: (r) => r.body.includes("The headline was wrong."),
      },
      { name: "old headline gone from home", path: "/", ok: (r) => !r.body.includes(before) },
    ],
    result.returnedAt,
  );
  report("correction", took);
  await expectSitemapsMatchContent();
});

test("an invalid story fails the publish naming file and field, and every server keeps the last good content", async () => {
  const versions = await Promise.all(
    bases.map(async (b) => JSON.parse((await get(`${b.url}/healthz`)).body).content),
  );
  const bad = path.join(storiesDir, "publish-probe-bad.md");
  writeFileSync(
    bad,
    "---\nheadline: Bad\nstandfirst: Bad.\npublished: 2026-02-31T10:00:00Z\nauthor: synthetic-author\nsection: Business\ntopics: [X]\n---\n\nBody.\n",
  );
  const result = publish();
  rmSync(bad);
  expect(result.status).toBe(1);
  expect(result.output).toContain('content/stories/publish-probe-bad.md: field "published"');
  expect(result.output).toContain("nothing was published");
  await sleep(1_500);
  for (const [i, base] of bases.entries()) {
    expect(JSON.parse((await get(`${base.url}/healthz`)).body).content, base.name).toBe(versions[i]);
    expect((await get(`${base.url}/stories/publish-probe-bad`)).status, base.name).toBe(404);
    expect(jsonLdHeadline((await get(`${base.url}/stories/${probe.slug}`)).body), base.name).toBe(
      probe.headline,
    );
  }
  await expectSitemapsMatchContent();
});

test("a changed author file shows in bylines within 5 s", async () => {
  const file = path.join(ws, "content", "authors", "synthetic-author.md");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, "name: Synthetic Author Renamed"));
  const result = publish();
  expect(result.status, result.output).toBe(0);
  const took = await waitForAll(
    [
      {
        name: "byline",
        path: `/stories/${probe.slug}`,
        ok: (r) => r.body.includes("Synthetic Author Renamed"),
      },
      {
        name: "author page",
        path: "/authors/synthetic-author",
        ok: (r) => r.body.includes("Synthetic Author Renamed"),
      },
    ],
    result.returnedAt,
  );
  report("author file", took);
  await expectSitemapsMatchContent();
});

test("a story scheduled 15 s ahead is invisible everywhere until its time, then live within 30 s of it, with no command", async () => {
  const scheduled: Probe = {
    slug: "publish-probe-scheduled",
    headline: "Publishing probe published on schedule",
    section: "science",
    topic: "scheduling-probe",
    word: "timekeeperquill",
  };
  const next = await newestIn(scheduled.section);
  scheduledNeighbour = next;
  const at = Date.now() + 15_000;
  writeStory(scheduled, { published: at });
  const result = publish();
  expect(result.status, result.output).toBe(0);
  expect(result.output).toContain("scheduled");
  // Until its time: nothing anywhere, a guessed URL included.
  await waitForAll(absent(scheduled, next), Date.now(), 2_000);
  expect(Date.now()).toBeLessThan(at);
  await expectSitemapsMatchContent();
  await sleep(Math.max(0, at - Date.now()));
  report("scheduled (after its time)", await waitForAll(present(scheduled, next), at, 30_000));
  await expectSitemapsMatchContent();
});

test("unpublishing, by draft: true or by deleting the file, removes a story everywhere within 5 s", async () => {
  writeStory(probe, { published: Date.now() - 60_000, extra: "draft: true" });
  let result = publish();
  expect(result.status, result.output).toBe(0);
  report("set to draft", await waitForAll(absent(probe, neighbour), result.returnedAt));

  rmSync(path.join(storiesDir, "publish-probe-scheduled.md"));
  result = publish();
  expect(result.status, result.output).toBe(0);
  const scheduled = {
    slug: "publish-probe-scheduled",
    headline: "",
    section: "science",
    topic: "scheduling-probe",
    word: "timekeeperquill",
  };
  // Its neighbour is the one it had, not the section's newest story as the front lists it at this
  // moment (which, until the front catches up, is the deleted story itself).
  report("file deleted", await waitForAll(absent(scheduled, scheduledNeighbour), result.returnedAt));
  await expectSitemapsMatchContent();
});

test("a takedown answers 410 Gone with the site's page within 5 s, and the story is gone from every list, feed, sitemap and search", async () => {
  const slug = "synthetic-00001";
  const front = frontOf(slug);
  const victim: Probe = {
    slug,
    headline: front.headline,
    section: String(front.section).toLowerCase(),
    topic: topicsOf(slug)[0],
    word: "synthetic",
  };
  const result = run("takedown.mjs", [slug, "--reason", "Legal: publishing test"]);
  expect(result.status, result.output).toBe(0);
  expect(existsSync(path.join(storiesDir, `${slug}.md`))).toBe(false);
  const took = await waitForAll(
    [
      ...absent(victim, await newestIn(victim.section), 410).filter(
        (c) => c.name !== "search" && c.name !== "neighbour's next link",
      ),
      {
        name: "search",
        path: `/search?q=${encodeURIComponent(victim.headline)}`,
        ok: (r) => !r.body.includes(`/stories/${slug}"`),
      },
      {
        name: "removed page",
        path: `/stories/${slug}`,
        ok: (r) => r.body.includes("This story has been removed") && !r.body.includes(victim.headline),
      },
    ],
    result.returnedAt,
  );
  report("takedown", took);
  await expectSitemapsMatchContent();
  // nginx keeps the 410, not the story: served from its cache, it is still gone.
  const cached = await fetch(`${cluster.url}/stories/${slug}`);
  expect(cached.status).toBe(410);
  console.log(`publish-to-live figures: ${JSON.stringify(figures)}`);
});

/** Files in a folder and below. */
const filesIn = (dir: string): number =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;

/** A GET from a client address of this machine's own (127.x.x.x): nginx limits per address. */
function getFrom(address: string, url: string) {
  return new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
    httpGet(url, { localAddress: address, agent: false }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string | undefined }),
      );
    }).on("error", reject);
  });
}

test("a preview link shows the draft through nginx, and no cache keeps it: not nginx, not Redis; forged links are limited", async () => {
  const slug = "synthetic-00011";
  const front = frontOf(slug);
  expect(front.draft).toBe(true);
  const printed = run("preview.mjs", [slug]);
  expect(printed.status, printed.output).toBe(0);
  const link = printed.output.trim().split("\n")[0].slice(SITE_URL.length);
  expect(link).toMatch(new RegExp(`^/preview/${slug}\\?expires=\\d+&sig=`));

  const { createClient } = await import("redis");
  const redis = createClient({ url: cluster.redisUrl });
  await redis.connect();
  try {
    const cacheDir = path.join(cluster.work, "cache");
    const filesBefore = filesIn(cacheDir);
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${cluster.url}${link}`);
      outcomes.push(`${response.status} ${response.headers.get("x-cache")}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache") ?? "").not.toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
      for (const [name, value] of Object.entries(PREVIEW_HEADERS))
        expect(response.headers.get(name)).toBe(value);
      expect(await response.text()).toContain(front.headline);
    }
    const filesAfter = filesIn(cacheDir);
    const redisKeys = await redis.keys(`*${slug}*`);
    console.log(`preview through nginx: ${JSON.stringify({ outcomes, filesBefore, filesAfter, redisKeys })}`);
    expect(filesAfter).toBe(filesBefore);
    expect(redisKeys).toEqual([]);
    // The folder counted is where nginx keeps pages: a public story's page lands there.
    const control = `${cluster.url}/stories/synthetic-00020`;
    expect((await fetch(control)).status).toBe(200);
    expect((await fetch(control)).headers.get("x-cache")).toBe("HIT");
    expect(filesIn(cacheDir)).toBeGreaterThan(filesAfter);
    // Readers still find nothing at the story's own address.
    expect((await fetch(`${cluster.url}/stories/${slug}`)).status).toBe(404);
  } finally {
    await redis.quit();
  }

  // A flood of forged links from one address: nginx answers most with 429 itself, as deploy/nginx.conf sets.
  const conf = readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8");
  const rate = Number(/zone=preview_rate:\S+ rate=(\d+)r\/s/.exec(conf)![1]);
  const burst = Number(/limit_req zone=preview_rate burst=(\d+)/.exec(conf)![1]);
  const forged = link.replace(/sig=(.)/, (_, c) => `sig=${c === "A" ? "B" : "A"}`);
  const started = performance.now();
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < burst * 3; i++) {
    const response = await getFrom("127.1.70.1", `${cluster.url}${forged}`);
    statuses.push(response.status);
    if (response.status === 429) retryAfter ??= response.retryAfter;
  }
  const seconds = (performance.now() - started) / 1000;
  const reached = statuses.filter((s) => s === 404).length;
  console.log(
    `forged preview flood: ${JSON.stringify({ sent: statuses.length, reached, seconds, rate, burst })}`,
  );
  expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  expect(reached).toBeLessThanOrEqual(burst + 1 + Math.ceil(seconds * rate));
  expect(retryAfter).toBeTruthy();
  // Another reader's valid link still works.
  expect((await getFrom("127.1.70.2", `${cluster.url}${link}`)).status).toBe(200);
});

// Live coverage (issue 14): synthetic story 5 is live, with its entries in content/live/synthetic-00005/.
const liveStory = "synthetic-00005";
const livePage = `/stories/${liveStory}`;
const livePoll = livePollPath(livePage);
const liveDir = path.join(ws, "content", "live", liveStory);

/** Writes an entry as `npm run live` names it (time, then title words), posted a second ago. */
function writeEntry(title: string, body: string, name?: string) {
  const time = Date.now() - 1_000;
  const entry = name ?? `${iso(time).slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}-${slugify(title)}`;
  writeFileSync(
    path.join(liveDir, `${entry}.md`),
    ["---", `time: ${iso(time)}`, `title: ${title}`, "---", "", body, ""].join("\n"),
  );
  return entry;
}

type LiveState = { newest: string; count: number; version: string };
const stateOf = (r: Fetched): LiveState | null => {
  try {
    return r.status === 200 ? (JSON.parse(r.body) as LiveState) : null;
  } catch {
    return null;
  }
};
/** The entry ids the live page lists, newest first (the DOM contract of #live-entries). */
const listedEntries = (html: string) => {
  const start = html.indexOf('id="live-entries"');
  return start < 0
    ? []
    : [...html.slice(start).matchAll(/<article[^>]* data-entry-id="([^"]+)"/g)].map((m) => m[1]);
};
/** The entry ids a browser page lists in #live-entries, newest first. */
const entryIds = (page: Page) =>
  page
    .locator("#live-entries article[data-entry-id]")
    .evaluateAll((articles) => articles.map((a) => a.getAttribute("data-entry-id")!));
/** The version of the entries the page was rendered with (the live updates island's root). */
const pageVersion = (html: string) =>
  /data-live-updates="" data-count="\d+" data-version="([^"]+)"/.exec(html)?.[1];

/** The live page and its poll agree: the page lists `entries` newest first and the poll says the same. */
const liveShows = (entries: (ids: string[]) => boolean, poll: (state: LiveState) => boolean): Check[] => [
  {
    name: "live page's entries",
    path: livePage,
    ok: (r) => r.status === 200 && entries(listedEntries(r.body)),
  },
  {
    name: "live poll",
    path: livePoll,
    ok: (r) => {
      const state = stateOf(r);
      return state !== null && poll(state);
    },
  },
];

test("a new, an edited and a deleted live entry show on the live page and its poll, everywhere, within 5 s", async () => {
  const before = stateOf(await get(PUBLISH.baseURL + livePoll))!;
  expect(before.count, "the live synthetic story has entries").toBeGreaterThan(0);
  // Warm the page and the poll everywhere.
  await waitForAll(
    liveShows(
      (ids) => ids[0] === before.newest,
      (s) => s.version === before.version,
    ),
    Date.now(),
  );
  // The list as it is (the page may show only the newest entries: older ones go to later pages).
  const listed = listedEntries((await get(PUBLISH.baseURL + livePage)).body);

  const added = writeEntry("Live probe entry", "The live probe’s first words.");
  let result = publish(path.join("content", "live", liveStory, `${added}.md`));
  expect(result.status, result.output).toBe(0);
  let took = await waitForAll(
    [
      ...liveShows(
        (ids) => ids[0] === added && ids[1] === before.newest,
        (s) => s.newest === added && s.count === before.count + 1,
      ),
      { name: "entry's words", path: livePage, ok: (r) => r.body.includes("The live probe’s first words.") },
    ],
    result.returnedAt,
  );
  report("new live entry", took);
  const afterAdd = stateOf(await get(PUBLISH.baseURL + livePoll))!;

  writeEntry("Live probe entry", "The live probe, corrected.", added);
  result = publish();
  expect(result.status, result.output).toBe(0);
  took = await waitForAll(
    [
      ...liveShows(
        (ids) => ids[0] === added && ids[1] === before.newest,
        // Same entries, same count: only the version says that one changed.
        (s) => s.newest === added && s.count === afterAdd.count && s.version !== afterAdd.version,
      ),
      {
        name: "edited words",
        path: livePage,
        ok: (r) => r.body.includes("The live probe, corrected.") && !r.body.includes("first words"),
      },
    ],
    result.returnedAt,
  );
  report("edited live entry", took);

  rmSync(path.join(liveDir, `${added}.md`));
  result = publish();
  expect(result.status, result.output).toBe(0);
  took = await waitForAll(
    liveShows(
      (ids) => JSON.stringify(ids) === JSON.stringify(listed),
      (s) => s.newest === before.newest && s.count === before.count && s.version === before.version,
    ),
    result.returnedAt,
  );
  report("deleted live entry", took);
});

test("a reader with a live page open gets a 'new updates' button within 30 s on every base, and the entry in place", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Every base serves the current version of the page, so the island starts from what is published.
  const current = stateOf(await get(PUBLISH.baseURL + livePoll))!;
  await waitForAll(
    [{ name: "page's version", path: livePage, ok: (r) => pageVersion(r.body) === current.version }],
    Date.now(),
  );
  const readers = await Promise.all(
    bases.map(async (base) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const polls: string[] = [];
      page.on("request", (r) => {
        if (r.url().endsWith(livePoll)) polls.push(r.url());
      });
      await page.goto(base.url + livePage);
      const shown = await entryIds(page);
      return { base, context, page, polls, shown };
    }),
  );
  // Every island has loaded and is waiting for its first turn (the button exists, hidden).
  for (const reader of readers) await expect(reader.page.locator("[data-live-updates] button")).toBeHidden();

  const added = writeEntry("Live probe seen by readers", "Readers see this without reloading.");
  const result = publish();
  expect(result.status, result.output).toBe(0);
  const took: Record<string, number> = {};
  await Promise.all(
    readers.map(async ({ base, page }) => {
      const button = page.getByRole("button", { name: "1 new update" });
      await expect(button, `${base.name}: the button within 30 s`).toBeVisible({
        timeout: Math.max(1_000, result.returnedAt + 30_000 - Date.now()),
      });
      took[base.name] = Date.now() - result.returnedAt;
      // Announced to screen readers, politely.
      await expect(page.locator('[data-live-updates] [aria-live="polite"]')).toHaveText("1 new update");
    }),
  );
  report("live entry, 'new updates' button in an open page", took);

  for (const { base, page, shown, polls, context } of readers) {
    // The page did not move: the list is what it was until the reader asks.
    expect(await entryIds(page), base.name).toEqual(shown);
    await page.getByRole("button", { name: "1 new update" }).click();
    await expect(page.locator("#live-entries article").first(), base.name).toHaveAttribute(
      "data-entry-id",
      added,
    );
    // The new entry on top of those that were shown: one more, or as many when the page is
    // full and its oldest moves to the next page.
    const after = await entryIds(page);
    expect(after, base.name).toEqual([added, ...shown].slice(0, after.length));
    expect(after.length, base.name).toBeGreaterThanOrEqual(shown.length);
    await expect(page.locator(`#entry-${added}`), base.name).toBeFocused();
    await expect(page.locator(`#entry-${added}`), base.name).toContainText(
      "Readers see this without reloading.",
    );
    await expect(page.getByRole("button", { name: /new update/ }), base.name).toBeHidden();
    console.log(`${base.name}: ${polls.length} polls while the page was open`);
    await context.close();
  }
  rmSync(path.join(liveDir, `${added}.md`));
  expect(publish().status).toBe(0);
});
