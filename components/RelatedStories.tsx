import type { Teaser } from "@/lib/teasers";
import { StoryList } from "./StoryList";

/** Shown only when there is something to show. */
export function RelatedStories({ teasers }: { teasers: Teaser[] }) {
  if (teasers.length === 0) return null;
  return (
    <section aria-labelledby="related-title" className="mt-12 print:hidden">
      <h2 id="related-title" className="border-b-2 border-ink pb-1 text-lg font-bold">
        Related stories
      </h2>
      <StoryList teasers={teasers} level={3} empty="" />
    </section>
  );
}
