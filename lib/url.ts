import { site } from "@/site.config";

/** An absolute URL on this site, from a path such as /stories/x. */
export const absoluteUrl = (path: string) => new URL(path, `${site.url}/`).toString();
