import { IndexPage } from "@/components/IndexPage";
import { getAllTopics, getStoriesByTopic } from "@/lib/content";
import { pageMetadata } from "@/lib/metadata";
import { site } from "@/site.config.mjs";

const page = {
  title: "Topics",
  description: `Every topic ${site.name} has covered, from A to Z.`,
  path: "/topics",
};

export const metadata = pageMetadata(page);

export default function TopicsPage() {
  const topics = [...getAllTopics()].sort((a, b) => a.name.localeCompare(b.name, site.language));
  return (
    <IndexPage title={page.title} path={page.path}>
      {topics.length === 0 ? (
        <p className="mt-6 text-muted">No topics yet.</p>
      ) : (
        <ul className="mt-6 columns-1 gap-8 sm:columns-2">
          {topics.map((topic) => (
            <li key={topic.slug} className="mb-2 break-inside-avoid">
              <a href={`/topics/${topic.slug}`} className="underline hover:text-accent">
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
