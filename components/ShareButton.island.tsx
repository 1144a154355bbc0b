"use client";

import { useEffect, useState } from "react";

type Props = { url: string; title: string; text?: string };
type Status = "idle" | "copied" | "failed";

/**
 * Island: the only component on the story page that runs in the browser. It opens the native
 * share sheet where there is one and otherwise copies the link. It renders nothing until
 * JavaScript runs, so readers without it see only the plain share links, never a dead button;
 * its slot keeps its size either way, so nothing moves when it appears.
 */
export function ShareButton({ url, title, text }: Props) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<Status>("idle");

  // eslint-disable-next-line react-hooks/set-state-in-effect -- reveal only once hydrated
  useEffect(() => setReady(true), []);

  async function share() {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ url, title, text });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to do.
        if ((error as DOMException).name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }

  return (
    <span className="inline-flex h-11 min-w-24 items-center justify-end print:hidden">
      {ready && (
        <>
          <button
            type="button"
            onClick={share}
            className="inline-flex h-10 items-center gap-2 rounded-full border border-rule px-4 text-sm font-semibold hover:border-ink"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              width="16"
              height="16"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M4 12v7a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-7M16 6l-4-4-4 4M12 2v13" />
            </svg>
            Share
          </button>
          <span role="status" className="ml-2 text-sm text-muted">
            {status === "copied" && "Link copied"}
            {status === "failed" && "Copy this page's address to share it"}
          </span>
        </>
      )}
    </span>
  );
}
