#!/usr/bin/env node
/**
 * Prints a preview link for a draft or a scheduled story: npm run preview -- <slug> [--hours N]
 *
 * The link shows the story on the live site, with a banner, to whoever has it, until it expires
 * (24 hours unless --hours says otherwise, a week at most). It is signed with the secret the
 * servers share (lib/preview.mjs): PREVIEW_SECRET, or a file in the content store
 * made on first use. The story must be in the store: `npm run publish` puts drafts and
 * scheduled stories there without showing them to readers.
 *
 * The link's address is the site's: SITE_URL, else the one the last build was made with
 * (NEXT_DIST_DIR, default .next). Without either it says so rather than guess.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_PREVIEW_HOURS,
  MAX_PREVIEW_HOURS,
  expiryIn,
  previewPath,
  previewSecret,
} from "../lib/preview.mjs";
import { createStore, isPublic, storeDir } from "../lib/store.mjs";
import { storyPath } from "../lib/url.mjs";

const usage = `usage: npm run preview -- <story-slug> [--hours N]   (N: 1 to ${MAX_PREVIEW_HOURS}, default ${DEFAULT_PREVIEW_HOURS})`;
let parsed;
try {
  parsed = parseArgs({ options: { hours: { type: "string" } }, allowPositionals: true });
} catch (error) {
  console.error(`${String(/** @type {Error} */ (error).message)}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [slug] = positionals;
if (!slug || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const hours = values.hours === undefined ? DEFAULT_PREVIEW_HOURS : Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_PREVIEW_HOURS) {
  console.error(
    `--hours: "${values.hours}" is not a number of hours from more than 0 to ${MAX_PREVIEW_HOURS} (a week)\n${usage}`,
  );
  process.exit(2);
}

const dir = storeDir();
let store;
try {
  store = createStore({ dir, pollMs: 60_000 });
} catch (error) {
  console.error(String(/** @type {Error} */ (error).message));
  process.exit(1);
}
const stories = store.current().stories;
store.close();
const now = Date.now();
const unpublished = stories.filter((a) => !isPublic(a, now)).sort((a, b) => a.slug.localeCompare(b.slug));
const story = stories.find((a) => a.slug === slug);

/** What can be previewed, for the error messages. */
const previewable = () =>
  unpublished.length === 0
    ? "There is no draft or scheduled story in the published content."
    : `Stories you can preview:\n${unpublished
        .map((a) => `  ${a.slug} (${a.draft ? "draft" : `scheduled for ${a.publishedAt}`})`)
        .join("\n")}`;

const siteUrl = (process.env.SITE_URL || builtSiteUrl()).replace(/\/+$/, "");

if (!story) {
  const file = path.join(process.env.BROADSHEET_CONTENT_DIR ?? "content", "stories", `${slug}.md`);
  const hint = existsSync(file)
    ? `${file} exists but is not in the published content yet: run \`npm run publish\` first (a draft or a scheduled story is published without being shown).`
    : `No story "${slug}" in the published content (${path.relative(process.cwd(), dir) || dir}): give the slug, the file name without .md.`;
  console.error(`${hint}\n${previewable()}`);
  process.exit(1);
}
if (isPublic(story, now)) {
  console.error(
    `"${slug}" is published: readers see it at ${siteUrl}${storyPath(slug)}. A preview link is for a draft or a scheduled story.\n${previewable()}`,
  );
  process.exit(1);
}

if (!siteUrl) {
  console.error(
    `The site's address is not known here: the last build (${process.env.NEXT_DIST_DIR ?? ".next"}) was made without SITE_URL, or there is none. ` +
      `Give the address readers use: SITE_URL=https://news.example.com npm run preview -- ${slug}`,
  );
  process.exit(1);
}

let secret;
try {
  secret = previewSecret(dir, { create: true });
} catch (error) {
  console.error(String(/** @type {Error} */ (error).message));
  process.exit(1);
}
if (!secret) {
  console.error(`could not make the preview secret in ${dir}`);
  process.exit(1);
}
const expires = expiryIn(hours, now);
console.log(`${siteUrl}${previewPath(secret, slug, expires)}`);
console.error(
  `A preview of ${story.draft ? "a draft" : `a story scheduled for ${story.publishedAt}`}: it works until ${new Date(expires * 1000).toISOString()} for whoever has it.`,
);

/** The site URL the last build was made with ("" if it was made without one, or there is none). */
function builtSiteUrl() {
  const file = path.join(process.env.NEXT_DIST_DIR ?? ".next", "required-server-files.json");
  try {
    return String(JSON.parse(readFileSync(file, "utf8")).config?.env?.SITE_URL ?? "");
  } catch {
    return "";
  }
}
