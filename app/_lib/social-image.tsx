/**
 * The images drawn for the site's routes (social.png, logo.png): not components of a page but
 * PNG responses, made by Next's image renderer from a tree of boxes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CSSProperties, ReactElement, ReactNode } from "react";
import { ImageResponse } from "next/og";
import { palette, site } from "@/site.config.mjs";
import { LOGO, SOCIAL_IMAGE } from "@/lib/structured-data";

/** The images are light whatever the reader's scheme: they are seen in other sites' pages. */
const colours = palette.light;

/** The fonts ship in the repository (assets/fonts, SIL Open Font Licence): nothing is fetched. */
const fontFile = (name: string) => readFile(path.join(process.cwd(), "assets/fonts", name));

async function fonts() {
  const [serif, serifExt, sans, sansExt] = await Promise.all([
    fontFile("source-serif-4-latin-700-normal.woff"),
    fontFile("source-serif-4-latin-ext-700-normal.woff"),
    fontFile("source-sans-3-latin-700-normal.woff"),
    fontFile("source-sans-3-latin-ext-700-normal.woff"),
  ]);
  return [
    { name: "Serif", data: serif, weight: 700 as const, style: "normal" as const },
    { name: "Serif", data: serifExt, weight: 700 as const, style: "normal" as const },
    { name: "Sans", data: sans, weight: 700 as const, style: "normal" as const },
    { name: "Sans", data: sansExt, weight: 700 as const, style: "normal" as const },
  ];
}

/**
 * The code points the shipped fonts cover (their Latin and Latin Extended subsets). Next's image
 * renderer downloads a font from the internet for any other character (an emoji, Chinese), which
 * fails the build here and would break the no-network rule anywhere: such characters are left
 * out of the image (the page itself shows them, in the reader's own fonts).
 */
const COVERED = /[\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20c0\u2122]/u;

const coveredByFonts = (text: string) =>
  [...text]
    .filter((c) => COVERED.test(c))
    .join("")
    .replace(/\s+/g, " ")
    .trim();

/**
 * An image of the given size, in the shipped fonts: a box that fills it, styled, holding `content`
 * (a list of boxes, not a fragment: the renderer lays a fragment out as one box).
 */
async function draw(size: { width: number; height: number }, style: CSSProperties, content: ReactNode) {
  const canvas: ReactElement = (
    <div style={{ width: "100%", height: "100%", display: "flex", ...style }}>{content}</div>
  );
  return new ImageResponse(canvas, { width: size.width, height: size.height, fonts: await fonts() });
}

/** The small capitals over the headline: the "Live" badge and the section's name. */
const label: CSSProperties = {
  fontFamily: "Sans",
  fontSize: 30,
  textTransform: "uppercase",
  letterSpacing: 3,
};

type Props = {
  kicker?: string;
  title: string;
  /** A word set in a box before the kicker: "Live" on live coverage that is running. */
  badge?: string;
};

/** A 1200x630 card for social networks and search results: masthead, section, headline. */
export async function socialImage(props: Props) {
  const kicker = props.kicker && coveredByFonts(props.kicker);
  const title = coveredByFonts(props.title) || site.name;
  const size = title.length > 90 ? 56 : title.length > 50 ? 68 : 84;
  return draw(
    SOCIAL_IMAGE,
    {
      flexDirection: "column",
      justifyContent: "space-between",
      background: colours.paper,
      color: colours.ink,
      padding: "64px 72px",
      borderTop: `16px solid ${colours.accent}`,
    },
    [
      <div key="headline" style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          {props.badge && (
            <div style={{ ...label, color: "#ffffff", background: colours.accent, padding: "6px 16px" }}>
              {props.badge}
            </div>
          )}
          {kicker && <div style={{ ...label, color: colours.accent }}>{kicker}</div>}
        </div>
        <div style={{ fontFamily: "Serif", fontSize: size, lineHeight: 1.12, marginTop: 20 }}>{title}</div>
      </div>,
      <div
        key="masthead"
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "flex-end",
          borderTop: `2px solid ${colours.rule}`,
          paddingTop: 24,
        }}
      >
        <div style={{ fontFamily: "Serif", fontSize: 44 }}>{site.name}</div>
        <div style={{ fontFamily: "Sans", fontSize: 24, color: colours.muted }}>{site.tagline}</div>
      </div>,
    ],
  );
}

/** The publisher's logo, which structured data points to: the masthead's initial. */
export async function logoImage() {
  return draw(
    LOGO,
    {
      alignItems: "center",
      justifyContent: "center",
      background: colours.accent,
      color: "#fff",
      fontFamily: "Serif",
      fontSize: 380,
    },
    site.name[0],
  );
}
