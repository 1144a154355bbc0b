/**
 * Images in stories, at their responsive sizes. The lead image (components/LeadImage.tsx) asks
 * next/image's getImageProps at render time; a body figure is stored as HTML, so the Markdown
 * pipeline asks the same function at ingest (`responsiveImage`). Both use Next's image
 * configuration: next.config.ts sets none, so it is Next's defaults (widths and the quality the
 * optimiser at /_next/image accepts) in both places. The e2e test of figures loads every width.
 */
import { getImageProps } from "next/image.js";

/** How wide a story's images are shown: the column (42rem) on a wide screen, else the screen. */
export const STORY_IMAGE_SIZES = "(min-width: 44rem) 42rem, 100vw";

/** The attributes of a body image: its size, so nothing shifts, and the optimiser's srcset. */
export function responsiveImage(src: string, width: number, height: number) {
  const { props } = getImageProps({ src, alt: "", width, height, sizes: STORY_IMAGE_SIZES });
  return {
    width,
    height,
    srcSet: props.srcSet!,
    sizes: props.sizes!,
    loading: "lazy" as const,
    decoding: "async" as const,
  };
}
