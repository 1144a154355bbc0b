import { formatDateTime } from "@/lib/format";
import type { CorrectionEntry } from "@/lib/content";
import { Panel } from "./Panel";
import { Timestamp } from "./Timestamp";

const label = (entry: CorrectionEntry) => (entry.kind === "correction" ? "Correction" : "Updated");

/**
 * Seen in development, and on the live site only through a signed preview link (`preview`):
 * readers never see drafts or scheduled stories.
 */
export function UnpublishedBanner({
  draft,
  scheduledFor,
  preview = false,
}: {
  draft: boolean;
  scheduledFor?: string;
  preview?: boolean;
}) {
  if (!draft && !scheduledFor) return null;
  const text = preview
    ? draft
      ? "Preview: a draft, not published"
      : `Preview: scheduled for ${formatDateTime(scheduledFor!)}`
    : draft
      ? "Draft: not published"
      : `Scheduled: publishes ${formatDateTime(scheduledFor!)}`;
  return (
    <p
      role="note"
      className="mb-6 rounded border-2 border-dashed border-accent px-4 py-3 text-sm font-bold tracking-wider text-accent uppercase"
    >
      {text}
    </p>
  );
}

/** The latest correction or update, at the top of the story. */
export function LatestCorrection({ entries }: { entries: CorrectionEntry[] }) {
  const latest = entries[0];
  if (!latest) return null;
  return (
    <p role="note" className="mt-6 border-l-4 border-accent bg-avatar/50 px-4 py-3 text-sm">
      <strong>{label(latest)}</strong>, <Timestamp at={latest.date} format="dateTime" />: {latest.text}
      {entries.length > 1 && (
        <>
          {" "}
          <a href="#corrections" className="underline">
            All {entries.length} corrections and updates
          </a>
        </>
      )}
    </p>
  );
}

/** Every correction and update, newest first, at the end of the story. */
export function CorrectionLog({ entries }: { entries: CorrectionEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Panel
      as="section"
      kind="end"
      id="corrections"
      titleId="corrections-title"
      title="Corrections and updates"
    >
      <ol className="mt-3 space-y-3 text-sm">
        {entries.map((entry) => (
          <li key={`${entry.date}-${entry.text}`}>
            <strong>{label(entry)}</strong>, <Timestamp at={entry.date} format="dateTime" />: {entry.text}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
