import type { Metadata } from "next";
import { site } from "@/site.config";

type PageMetadata = { title?: string; description?: string; path: string };

/** Every page's metadata is made here, so titles and descriptions follow one pattern. */
export function pageMetadata({ title, description, path }: PageMetadata): Metadata {
  return {
    // Without a title the layout's default applies; `title: undefined` would remove it.
    ...(title ? { title } : {}),
    description: description ?? site.description,
    alternates: { canonical: path },
  };
}
