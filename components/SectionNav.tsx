import { sectionPath } from "@/lib/url.mjs";
import type { Section } from "@/site.config.mjs";

/** The masthead's row of sections, or the colophon's list: the same links, told apart by name. */
const variants = {
  header: {
    nav: { "aria-label": "Sections", className: "mx-auto max-w-5xl px-4 print:hidden" },
    list: "-mx-2 flex flex-wrap text-sm font-semibold",
    link: "inline-block px-2 py-3 hover:underline",
  },
  footer: {
    nav: { "aria-label": "Sections (footer)" },
    list: "flex flex-wrap gap-x-4 gap-y-2",
    link: "underline",
  },
};

type Props = { sections: Section[]; variant: keyof typeof variants };

/** Links to the sections that have stories; nothing when none has. */
export function SectionNav({ sections, variant }: Props) {
  if (sections.length === 0) return null;
  const style = variants[variant];
  return (
    <nav {...style.nav}>
      <ul className={style.list}>
        {sections.map((section) => (
          <li key={section.slug}>
            <a href={sectionPath(section.slug)} className={style.link}>
              {section.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
