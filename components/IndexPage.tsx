import type { ReactNode } from "react";
import { Breadcrumbs } from "./Breadcrumbs";

type Props = { title: string; path: string; children: ReactNode };

/** A page that lists the site's sections or topics: its place under Home, its heading, its list. */
export function IndexPage({ title, path, children }: Props) {
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs
        crumbs={[
          { name: "Home", path: "/" },
          { name: title, path },
        ]}
      />
      <h1 className="border-b border-rule pb-4 font-serif text-3xl font-bold sm:text-4xl">{title}</h1>
      {children}
    </div>
  );
}
