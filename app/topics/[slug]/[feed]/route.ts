import { getAllTopics, getTopicBySlug } from "@/lib/content";
import { feedFormatNames, feedResponse, isFeedFormat, topicChannel } from "@/lib/feeds";

export const dynamic = "force-static";
export const dynamicParams = false;

export const generateStaticParams = () =>
  getAllTopics().flatMap((t) => feedFormatNames.map((feed) => ({ slug: t.slug, feed })));

type Params = { params: Promise<{ slug: string; feed: string }> };

export async function GET(_: Request, { params }: Params) {
  const { slug, feed } = await params;
  const topic = getTopicBySlug(slug);
  if (!topic || !isFeedFormat(feed)) return new Response("Not found", { status: 404 });
  return feedResponse(topicChannel(topic), feed);
}
