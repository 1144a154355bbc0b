import type { ReactNode } from "react";

const kinds = {
  /** In the story's flow, between two rules: the table of contents, a live blog's key events. */
  inset: {
    box: "my-8 border-y border-rule py-4",
    title: "text-xs font-bold tracking-wider text-muted uppercase",
  },
  /** At the story's end, under a rule: the corrections, the share links. */
  end: { box: "mt-10 border-t border-rule pt-6", title: "text-sm font-bold" },
};

type Props = {
  /** `nav` for links within the page or site, `section` for the rest. */
  as: "nav" | "section";
  kind: keyof typeof kinds;
  /** The heading's id, which names the region for assistive technology. */
  titleId: string;
  title: string;
  /** The region's own id, where something links to it. */
  id?: string;
  /** Whether it is printed: links to share or to jump within the page are not. */
  print?: boolean;
  children: ReactNode;
};

/** A titled region of a story page: a level-2 heading naming it, then its list. */
export function Panel({ as: Region, kind, titleId, title, print = true, children, ...attributes }: Props) {
  const style = kinds[kind];
  // `id` only when given: an undefined prop still costs bytes in the page's RSC payload.
  return (
    <Region
      {...attributes}
      aria-labelledby={titleId}
      className={print ? style.box : `${style.box} print:hidden`}
    >
      <h2 id={titleId} className={style.title}>
        {title}
      </h2>
      {children}
    </Region>
  );
}
