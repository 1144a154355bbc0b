import { IndexPage } from "@/components/IndexPage";
import { topicsCrumb, trail } from "@/lib/breadcrumbs";
import { getAllTopics, getStoriesByTopic } from "@/lib/content";
import { pageMetadata } from "@/lib/metadata";
import { TOPICS_PATH, topicPath } from "@/lib/url.mjs";
import { site } from "@/site.config.mjs";

const page = {
  title: topicsCrumb.name,
  description: `Every topic ${site.name} has covered, from A to Z.`,
  path: TOPICS_PATH,
};

export const metadata = pageMetadata(page);

export default function TopicsPage() {
  const topics = [...getAllTopics()].sort((a, b) => a.name.localeCompare(b.name, site.language));
  return (
    <IndexPage title={page.title} crumbs={trail(topicsCrumb)}>
      {topics.length === 0 ? (
        <p className="mt-6 text-muted">No topics yet.</p>
      ) : (
        <ul className="mt-6 columns-1 gap-8 sm:columns-2">
          {topics.map((topic) => (
            <li key={topic.slug} className="mb-2 break-inside-avoid">
              <a href={topicPath(topic.slug)} className="underline hover:text-accent">
                {topic.name}
              </a>{" "}
              <span className="text-sm text-muted">({getStoriesByTopic(topic).length})</span>
            </li>
          ))}
        </ul>
      )}
    </IndexPage>
  );
}
