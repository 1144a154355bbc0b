import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import {
  bodyBytes,
  characters,
  formatNumber,
  limitOf,
  NOT_RENDERED,
  quoted,
  RENDER_CEILING,
} from "./limits.mjs";
import { publicFile, publicImageSize } from "./public-files";

/**
 * Attributes whose address a browser or feed reader fetches by itself, on any element. The
 * sanitiser (schema/markdown.ts) lets only `src` (on <img>) and `srcset` (on <source>) through;
 * the rest are here so that a wider sanitiser schema could not quietly let another site in.
 */
const FETCHED = ["src", "srcSet", "poster", "data", "background", "xLinkHref"];
/** Elements whose `href` a reader follows (a link), rather than one the page loads itself. */
const LINKS = new Set(["a", "area"]);

/** Any origin stands for this site's: an address resolved against it either stays on it or not. */
const HERE = new URL("https://this-site.invalid/stories/a-story");

/**
 * Where an address resolved against a story page goes when that is not this site: the other
 * host (or the scheme, for data: and the like), or null when it stays on this site. Resolved by
 * the WHATWG URL parser, as a browser does: "//host/x", "/\host/x" and "https:host" all leave.
 */
export function offSite(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address, HERE);
  } catch {
    return null; // not an address a browser can fetch at all
  }
  return url.origin === HERE.origin ? null : url.host || url.protocol;
}

/**
 * The addresses in a srcset: each candidate's URL, cut at every comma and space so that no
 * address hides inside another (a srcset is "url descriptor, url descriptor").
 */
const srcsetAddresses = (value: string) =>
  value.split(/[\s,]+/).filter((token) => token !== "" && !/^\d+(\.\d+)?[wxh]$/.test(token));

/** Every address the rendered body makes a reader's browser fetch by itself. */
function fetchedAddresses(node: Element): string[] {
  const addresses: string[] = [];
  for (const [name, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const text = Array.isArray(value) ? value.join(", ") : String(value);
    if (name === "srcSet") addresses.push(...srcsetAddresses(text));
    else if (FETCHED.includes(name) || (name === "href" && !LINKS.has(node.tagName))) addresses.push(text);
  }
  return addresses;
}

/**
 * What is wrong with a story's rendered (sanitised) body, as it would reach readers and feeds:
 * more images or headings than the limits allow, a heading over its length, and anything it
 * would load from another site (an image from elsewhere is blocked by the site's CSP, so readers
 * see a broken image, and feeds carry it to every feed reader as a tracker).
 */
export function storyBodyProblems(
  html: string,
  raw: string,
  tree: Root = fromHtml(html, { fragment: true }),
): string[] {
  const problems = notRendered(html, raw, "story");
  if (problems.length > 0) return problems;
  const images: Element[] = [];
  const headings: Element[] = [];
  const offSiteImages: string[] = [];
  const imageProblems: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "element") {
      if (node.tagName === "img") {
        images.push(node);
        imageProblems.push(...imageProblemsOf(node));
      }
      // Not the footnotes' label, which only screen readers see (as in the table of contents).
      const className = node.properties.className;
      const hidden = Array.isArray(className) && className.includes("sr-only");
      if (/^h[2-6]$/.test(node.tagName) && !hidden) headings.push(node);
      for (const address of fetchedAddresses(node)) {
        const host = offSite(address);
        if (host !== null) offSiteImages.push(`${quoted(address, 200)} is on another site (${host})`);
      }
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);

  const maxImages = limitOf("story", "body", { unit: "images" });
  if (images.length > maxImages) {
    problems.push(
      `${formatNumber(images.length)} images; the limit is ${formatNumber(maxImages)}; keep the images that matter most`,
    );
  }
  const maxHeadings = limitOf("story", "body", { unit: "headings" });
  if (headings.length > maxHeadings) {
    problems.push(
      `${formatNumber(headings.length)} headings; the limit is ${formatNumber(maxHeadings)}; keep the headings that matter most`,
    );
  }
  const maxHeading = limitOf("story", "body", { each: true });
  headings.forEach((heading, i) => {
    const text = hastToString(heading).trim();
    const size = characters(text);
    if (size > maxHeading) {
      problems.push(
        `heading ${i + 1} ${quoted(text, 40)} is ${formatNumber(size)} characters; the limit is ${formatNumber(maxHeading)}; shorten it`,
      );
    }
  });
  problems.push(...imageProblems);
  for (const problem of offSiteImages) {
    problems.push(
      `image ${problem}: pages and feeds show only images from this site; save it under public/ and write its path, like /images/2025/chart.png`,
    );
  }
  return problems;
}

/**
 * What is wrong with one image of the body: no alt text, or a path on this site that names no
 * image under public/ (readers would see a broken image). Addresses on other sites are refused
 * on their own, below.
 */
function imageProblemsOf(img: Element): string[] {
  const src = typeof img.properties.src === "string" ? img.properties.src : "";
  const alt = typeof img.properties.alt === "string" ? img.properties.alt.trim() : "";
  const problems: string[] = [];
  if (alt === "") {
    problems.push(
      `image ${quoted(src, 200)} has no alt text; write what it shows between the brackets, for readers who cannot see it: ![Delegates arrive at Lancaster House](${src})`,
    );
  }
  if (offSite(src) === null) {
    if (publicFile(src) === null) {
      const where = src.startsWith("/")
        ? `public${src.split(/[?#]/)[0]}`
        : `public/ (a path starting with "/")`;
      problems.push(
        `image ${quoted(src, 200)} is not a file under public/; put the image at ${where}, or correct the path`,
      );
    } else if (publicImageSize(src) === null) {
      problems.push(
        `image ${quoted(src, 200)} is not an image whose size can be read; save it as JPEG, PNG, WebP or GIF`,
      );
    }
  }
  return problems;
}

/**
 * A body the Markdown pipeline did not render because it is far over its limit. Its byte limit
 * says so first; this catches the case where the pipeline and the limit measured it differently.
 */
export function notRendered(
  html: string,
  raw: string,
  kind: "story" | "author" | "takedown" | "entry",
): string[] {
  if (!html.includes(NOT_RENDERED)) return [];
  const max = limitOf(kind, "body", { unit: "bytes" });
  return [
    `${formatNumber(bodyBytes(raw))} bytes, too large to render (the Markdown pipeline measured over ${formatNumber(RENDER_CEILING)}); the limit is ${formatNumber(max)}`,
  ];
}
