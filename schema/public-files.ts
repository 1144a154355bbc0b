/** Files under public/ that a story names by their path on the site (/images/2025/talks.jpg). */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { offSite } from "./body";

/**
 * The file under public/ that a path on this site names, or null when there is none: an address
 * on another site, a path that is not absolute or climbs out of public/, or no such file.
 */
export function publicFile(src: string): string | null {
  if (offSite(src) !== null || !src.startsWith("/")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return null;
  }
  // After decoding: "/%2e%2e/package.json" climbs out of public/ as surely as "/../".
  if (decoded.split(/[/\\]/).includes("..")) return null;
  const file = path.join("public", decoded);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** The pixel size of an image under public/, or null when there is no such file or it is no image. */
export function publicImageSize(src: string): { width: number; height: number } | null {
  const file = publicFile(src);
  if (file === null) return null;
  try {
    const { width, height } = imageSize(readFileSync(file));
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}
