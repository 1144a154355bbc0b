import { Breadcrumbs } from "@/components/Breadcrumbs";
import { getAllTopics, getStoriesByTopic } from "@/lib/content";
import { pageMetadata } from "@/lib/metadata";
import { site } from "@/site.config.mjs";

export const metadata = pageMetadata({
  title: "Topics",
  description: `Every topic ${site.name} has covered, from A to Z.`,
  path: "/topics",
});

export default function TopicsPage() {
  const topics = [...getAllTopics()].sort((a, b) => a.name.localeCompare(b.name, site.language));
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs
        crumbs={[
          { name: "Home", path: "/" },
          { name: "Topics", path: "/topics" },
        ]}
      />
      <h1 className="border-b border-rule pb-4 font-serif text-3xl font-bold sm:text-4xl">Topics</h1>
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
    </div>
  );
}
