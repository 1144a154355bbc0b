import { getImageProps } from "next/image";
import { STORY_IMAGE_SIZES } from "@/schema/images";
import type { LeadImageInfo } from "@/lib/content";

/**
 * The story's lead image, responsive through Next's image optimiser. getImageProps gives the
 * srcset of next/image without its client component, so no JavaScript ships for it; width and
 * height (read by the content build) reserve its space, so nothing shifts when it loads.
 */
export function LeadImage({ image }: { image: LeadImageInfo }) {
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes: STORY_IMAGE_SIZES,
    // The lead image is usually the largest thing in view: fetch it first, never lazily.
    loading: "eager",
    fetchPriority: "high",
  });
  return (
    <figure className="my-6">
      {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- getImageProps gives next/image's optimised srcset and the alt text, without its client component */}
      <img {...props} className="h-auto w-full bg-avatar" />
      <figcaption className="mt-2 text-sm text-muted">
        {image.caption} <span className="whitespace-nowrap">{image.credit}</span>
      </figcaption>
    </figure>
  );
}
