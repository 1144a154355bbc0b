import { formatDate, formatDateTime } from "@/lib/format";

type Props = { published: string; updated?: string; readingMinutes: number };

/** When the story was published (and last updated), and how long it takes to read. */
export function Dateline({ published, updated, readingMinutes }: Props) {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
      <span>
        Published <time dateTime={published}>{formatDate(published)}</time>
      </span>
      {updated && (
        <span>
          Updated <time dateTime={updated}>{formatDateTime(updated)}</time>
        </span>
      )}
      <span>{readingMinutes} min read</span>
    </p>
  );
}
