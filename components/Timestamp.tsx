import { formatDate, formatDateTime } from "@/lib/format";

const formats = { date: formatDate, dateTime: formatDateTime };

type Props = {
  /** The moment, ISO 8601 with its offset: what machines read from `datetime`. */
  at: string;
  /** "7 June 2025" (`date`) or "7 June 2025 at 12:00 BST" (`dateTime`), in the newsroom's zone. */
  format: keyof typeof formats;
  className?: string;
};

/** A date or time as readers read it, marked up with the moment itself for machines. */
export function Timestamp({ at, format, ...attributes }: Props) {
  // A class only when given: an undefined prop still costs bytes in the page's RSC payload.
  return (
    <time dateTime={at} {...attributes}>
      {formats[format](at)}
    </time>
  );
}
