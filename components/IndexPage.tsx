import type { ReactNode } from "react";
import type { Crumb } from "@/lib/breadcrumbs";
import { Breadcrumbs } from "./Breadcrumbs";

type Props = { title: string; crumbs: Crumb[]; children: ReactNode };

/** A page that lists the site's sections or topics: its place under Home, its heading, its list. */
export function IndexPage({ title, crumbs, children }: Props) {
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs crumbs={crumbs} />
      <h1 className="border-b border-rule pb-4 font-serif text-3xl font-bold sm:text-4xl">{title}</h1>
      {children}
    </div>
  );
}
