import type { Story } from "@/lib/content";
import { StoryCard } from "./StoryCard";

type Props = {
  stories: Story[];
  /** What to say when there is nothing to list. */
  empty: string;
  level?: 2 | 3;
  showSection?: boolean;
};

export function StoryList({ stories, empty, level = 2, showSection = true }: Props) {
  if (stories.length === 0) return <p className="mt-6 text-muted">{empty}</p>;
  return (
    <ul>
      {stories.map((story) => (
        <li key={story.slug}>
          <StoryCard story={story} level={level} showSection={showSection} />
        </li>
      ))}
    </ul>
  );
}
