import { feedFormatNames, feedResponse, isFeedFormat, sectionChannel } from "@/lib/feeds";
import { getSectionBySlug } from "@/lib/content";
import { sections } from "@/site.config";

export const dynamic = "force-static";
export const dynamicParams = false;

export const generateStaticParams = () =>
  sections.flatMap((s) => feedFormatNames.map((feed) => ({ section: s.slug, feed })));

type Params = { params: Promise<{ section: string; feed: string }> };

export async function GET(_: Request, { params }: Params) {
  const { section: slug, feed } = await params;
  const section = getSectionBySlug(slug);
  if (!section || !isFeedFormat(feed)) return new Response("Not found", { status: 404 });
  return feedResponse(sectionChannel(section), feed);
}
