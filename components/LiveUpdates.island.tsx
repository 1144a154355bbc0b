"use client";

import { useEffect, useRef } from "react";

type Props = {
  /** What to poll: /stories/<slug>/live.json (lib/url.mjs). */
  poll: string;
  /** How often, in seconds (LIVE_POLL_SECONDS, site.config.mjs). */
  seconds: number;
  /** The entries this page was rendered with: their count and version (getLiveState). */
  count: number;
  version: string;
};

/**
 * Island: on a live page, checks for new entries and offers a button to show them, rather than
 * moving the page under the reader. The story page renders it only for live coverage that has
 * not ended; what it does is a chunk of its own (LiveUpdates.poll.island.ts), fetched by this
 * loader, so other story pages do not carry it. Without JavaScript the button stays hidden and
 * the page is complete as of its last load.
 */
export function LiveUpdates({ poll, seconds, count, version }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    import("./LiveUpdates.poll.island").then(({ watchLiveEntries }) => {
      if (!stopped && root.current) stop = watchLiveEntries(root.current, poll, seconds * 1000);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [poll, seconds]);
  return (
    <div ref={root} data-live-updates="" data-count={count} data-version={version} className="print:hidden">
      <p aria-live="polite" className="sr-only" />
      <button
        type="button"
        hidden
        className="fixed bottom-4 left-1/2 z-20 h-11 -translate-x-1/2 rounded-full bg-ink px-5 text-sm font-semibold text-paper shadow-lg"
      />
    </div>
  );
}
