import type { Story } from "@/lib/content";
import { Timestamp } from "./Timestamp";

type Props = {
  story: Story;
  /** Live coverage that has not ended (isLiveNow). */
  liveNow: boolean;
};

/** Whether a live story is running ("Live", in words, not colour alone) or when it ended. */
export function LiveStatus({ story, liveNow }: Props) {
  if (!story.live) return null;
  if (liveNow) {
    return (
      <p className="mt-2">
        <span className="live-label">Live</span>
      </p>
    );
  }
  return (
    <p className="mt-2 text-sm font-bold text-muted" data-live-ended>
      Live coverage ended <Timestamp at={story.coverageEndAt} format="dateTime" />
    </p>
  );
}
