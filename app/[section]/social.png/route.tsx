import { socialImage } from "@/app/_lib/social-image";
import { getSectionBySlug } from "@/lib/content";
import { sections } from "@/site.config.mjs";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = () => sections.map((s) => ({ section: s.slug }));

export async function GET(_: Request, { params }: { params: Promise<{ section: string }> }) {
  const section = getSectionBySlug((await params).section)!;
  return socialImage({ kicker: section.name, title: section.description });
}
