import type { Teaser } from "@/lib/teasers";
import { StoryCard } from "./StoryCard";

type Props = {
  teasers: Teaser[];
  /** What to say when there is nothing to list. */
  empty: string;
  level?: 2 | 3;
  showSection?: boolean;
};

export function StoryList({ teasers, empty, level = 2, showSection = true }: Props) {
  if (teasers.length === 0) return <p className="mt-6 text-muted">{empty}</p>;
  return (
    <ul>
      {teasers.map((teaser) => (
        <li key={teaser.story.slug}>
          <StoryCard teaser={teaser} level={level} showSection={showSection} />
        </li>
      ))}
    </ul>
  );
}
