/**
 * Broadsheet's colours, from the palette in site.config.mjs, and the typography plugin's rules
 * for the story body in those colours only.
 *
 * The colours are CSS variables (`--color-paper`...), set on :root for the light scheme and
 * again for the dark one, so that a utility such as `bg-paper` follows the reader's scheme.
 *
 * The typography plugin's default `.prose` carries a grey palette, a second copy of it in lab() colours,
 * and an inverted palette; all three were overridden or unused here and cost 0.55 KB gzip of
 * every page's CSS. This keeps the plugin's element rules (its first DEFAULT block and its base
 * size) and replaces the palette with ours. It reads the plugin's own style table, so an upgrade
 * of @tailwindcss/typography (pinned) must check that shape.
 */
// @ts-expect-error: the plugin ships no types for its style table
import styles from "@tailwindcss/typography/src/styles.js";
import plugin from "tailwindcss/plugin";
import { palette } from "./site.config.mjs";

/** `{ paper: "#fffdf9", ... }` as `{ "--color-paper": "#fffdf9", ... }`. */
const variables = (/** @type {Record<string, string>} */ colours) =>
  Object.fromEntries(Object.entries(colours).map(([name, value]) => [`--color-${name}`, value]));

const colourScheme = plugin(({ addBase }) =>
  addBase({
    ":root": variables(palette.light),
    "@media (prefers-color-scheme: dark)": { ":root": variables(palette.dark) },
  }),
);

const [elements] = styles.DEFAULT.css;

const prosePalette = {
  "--tw-prose-body": "var(--color-ink)",
  "--tw-prose-headings": "var(--color-ink)",
  "--tw-prose-lead": "var(--color-muted)",
  "--tw-prose-links": "var(--color-accent)",
  "--tw-prose-bold": "var(--color-ink)",
  "--tw-prose-counters": "var(--color-muted)",
  "--tw-prose-bullets": "var(--color-muted)",
  "--tw-prose-hr": "var(--color-rule)",
  "--tw-prose-quotes": "var(--color-ink)",
  "--tw-prose-quote-borders": "var(--color-rule)",
  "--tw-prose-captions": "var(--color-muted)",
  "--tw-prose-kbd": "var(--color-ink)",
  "--tw-prose-kbd-shadows": "var(--color-rule)",
  "--tw-prose-code": "var(--color-ink)",
  "--tw-prose-pre-code": "var(--color-ink)",
  "--tw-prose-pre-bg": "var(--color-avatar)",
  "--tw-prose-th-borders": "var(--color-rule)",
  "--tw-prose-td-borders": "var(--color-rule)",
};

const config = {
  theme: {
    extend: {
      colors: Object.fromEntries(Object.keys(palette.light).map((name) => [name, `var(--color-${name})`])),
    },
    typography: { DEFAULT: { css: [elements, prosePalette, ...styles.base.css] } },
  },
  plugins: [colourScheme],
};

export default config;
