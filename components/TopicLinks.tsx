import type { TopicRef } from "@/lib/content";
import { topicPath } from "@/lib/url.mjs";

export function TopicLinks({ topics }: { topics: TopicRef[] }) {
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby="topics-title" className="mt-10 print:hidden">
      <h2 id="topics-title" className="text-sm font-bold">
        Topics
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {topics.map(({ name, slug }) => (
          <li key={slug}>
            <a href={topicPath(slug)} className="chip">
              {name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
