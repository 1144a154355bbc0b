import { Timestamp } from "./Timestamp";

type Props = { published: string; updated?: string; readingMinutes: number };

/** When the story was published (and last updated), and how long it takes to read. */
export function Dateline({ published, updated, readingMinutes }: Props) {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
      <span>
        Published <Timestamp at={published} format="date" />
      </span>
      {updated && (
        <span>
          Updated <Timestamp at={updated} format="dateTime" />
        </span>
      )}
      <span>{readingMinutes} min read</span>
    </p>
  );
}
