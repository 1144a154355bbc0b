import type { Segment } from "@/lib/search";

/** Text with the words that matched a search marked. React escapes every segment. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-black dark:bg-yellow-300">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
