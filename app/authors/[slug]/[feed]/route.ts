import { getAllAuthors, getAuthorBySlug } from "@/lib/content";
import { authorChannel, feedFormatNames, feedResponse, isFeedFormat } from "@/lib/feeds";

export const dynamic = "force-static";
export const dynamicParams = false;

export const generateStaticParams = () =>
  getAllAuthors().flatMap((a) => feedFormatNames.map((feed) => ({ slug: a.slug, feed })));

type Params = { params: Promise<{ slug: string; feed: string }> };

export async function GET(_: Request, { params }: Params) {
  const { slug, feed } = await params;
  const author = getAuthorBySlug(slug);
  if (!author || !isFeedFormat(feed)) return new Response("Not found", { status: 404 });
  return feedResponse(authorChannel(author), feed);
}
