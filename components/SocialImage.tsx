import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { site } from "@/site.config.mjs";
import { LOGO, SOCIAL_IMAGE } from "@/lib/structured-data";

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

export const coveredByFonts = (text: string) =>
  [...text]
    .filter((c) => COVERED.test(c))
    .join("")
    .replace(/\s+/g, " ")
    .trim();

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
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#fffdf9",
        color: "#1a1a1a",
        padding: "64px 72px",
        borderTop: "16px solid #a4161a",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          {props.badge && (
            <div
              style={{
                fontFamily: "Sans",
                fontSize: 30,
                color: "#ffffff",
                background: "#a4161a",
                padding: "6px 16px",
                textTransform: "uppercase",
                letterSpacing: 3,
              }}
            >
              {props.badge}
            </div>
          )}
          {kicker && (
            <div
              style={{
                fontFamily: "Sans",
                fontSize: 30,
                color: "#a4161a",
                textTransform: "uppercase",
                letterSpacing: 3,
              }}
            >
              {kicker}
            </div>
          )}
        </div>
        <div style={{ fontFamily: "Serif", fontSize: size, lineHeight: 1.12, marginTop: 20 }}>{title}</div>
      </div>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "flex-end",
          borderTop: "2px solid #d6d3cc",
          paddingTop: 24,
        }}
      >
        <div style={{ fontFamily: "Serif", fontSize: 44 }}>{site.name}</div>
        <div style={{ fontFamily: "Sans", fontSize: 24, color: "#545454" }}>{site.tagline}</div>
      </div>
    </div>,
    { ...SOCIAL_IMAGE, fonts: await fonts() },
  );
}

/** The publisher's logo, which structured data points to. */
export async function logoImage() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#a4161a",
        color: "#fff",
        fontFamily: "Serif",
        fontSize: 380,
      }}
    >
      B
    </div>,
    { width: LOGO.width, height: LOGO.height, fonts: await fonts() },
  );
}
