"use client";

import { useEffect } from "react";

/**
 * Island: embed cards load their video or post only when the reader asks. The story page renders
 * this only when the story has a card; Next bundles every client component of a route into the
 * route's own chunk, so this part, on every story page, is a few hundred bytes that fetch the
 * real code (EmbedCards.frames.island.ts and the provider list) as a chunk of its own.
 */
export function EmbedCards() {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    import("./EmbedCards.frames.island").then(({ enhanceEmbedCards }) => {
      if (!stopped) stop = enhanceEmbedCards();
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, []);
  return null;
}
