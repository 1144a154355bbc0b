import { notFound } from "next/navigation";
import { StoryList } from "@/components/StoryList";
import { getAllTopics, getStoriesByTopic, getTopicBySlug } from "@/lib/content";
import { pageMetadata } from "@/lib/metadata";
import { site } from "@/site.config";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export const generateStaticParams = () => getAllTopics().map((t) => ({ slug: t.slug }));

export async function generateMetadata({ params }: Props) {
  const topic = getTopicBySlug((await params).slug);
  if (!topic) return {};
  return pageMetadata({
    title: topic.name,
    description: `${site.name} stories about ${topic.name}.`,
    path: `/topics/${topic.slug}`,
  });
}

export default async function TopicPage({ params }: Props) {
  const topic = getTopicBySlug((await params).slug);
  if (!topic) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <header className="border-b border-rule pb-4">
        <p className="text-sm font-bold tracking-wider text-muted uppercase">Topic</p>
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{topic.name}</h1>
      </header>
      <StoryList stories={getStoriesByTopic(topic)} empty={`There are no stories about ${topic.name} yet.`} />
    </div>
  );
}
