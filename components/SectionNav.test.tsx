import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sections } from "@/site.config.mjs";
import { SectionNav } from "./SectionNav";

/** The links of a rendered navigation, as [text, href] in the order a reader meets them. */
const links = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(([, href, text]) => [text, href]);
const label = (html: string) => html.match(/^<nav aria-label="([^"]*)"/)?.[1];

describe("SectionNav", () => {
  it("links to each section it is given, by name, in the order given", () => {
    const given = [sections[3], sections[0], sections[5]];
    const html = renderToStaticMarkup(<SectionNav sections={given} variant="header" />);
    expect(links(html)).toEqual(given.map((s) => [s.name, `/${s.slug}`]));
  });

  it("gives the masthead's and the colophon's navigation different names, so a screen reader tells them apart", () => {
    const header = label(renderToStaticMarkup(<SectionNav sections={[...sections]} variant="header" />));
    const footer = label(renderToStaticMarkup(<SectionNav sections={[...sections]} variant="footer" />));
    expect(header).toMatch(/Sections/);
    expect(footer).toMatch(/Sections/);
    expect(header).not.toBe(footer);
  });

  it("leaves the masthead's row out of print, and lists the same links in both", () => {
    const header = renderToStaticMarkup(<SectionNav sections={[...sections]} variant="header" />);
    const footer = renderToStaticMarkup(<SectionNav sections={[...sections]} variant="footer" />);
    expect(header).toMatch(/^<nav [^>]*class="[^"]*print:hidden/);
    expect(links(footer)).toEqual(links(header));
  });

  it("is left out when no section has a story yet", () => {
    expect(renderToStaticMarkup(<SectionNav sections={[]} variant="header" />)).toBe("");
    expect(renderToStaticMarkup(<SectionNav sections={[]} variant="footer" />)).toBe("");
  });
});
