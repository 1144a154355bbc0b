"use client";

/**
 * Shown when a page fails while rendering. It says nothing about the failure itself: no message,
 * no stack, no digest. Those go to the server log.
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-4 text-lg">This page could not be shown just now. Please try again in a moment.</p>
      <p className="mt-6 flex gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded border border-rule px-4 py-2 font-semibold"
        >
          Try again
        </button>
        <a href="/" className="px-4 py-2 underline">
          Go to the home page
        </a>
      </p>
    </div>
  );
}
