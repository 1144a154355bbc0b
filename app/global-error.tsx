"use client";

import { site } from "@/site.config.mjs";
import "./globals.css";

/** Replaces the whole page when even the layout fails; shows no internals. */
export default function GlobalError() {
  return (
    <html lang={site.language}>
      <body className="mx-auto max-w-3xl px-4 py-16">
        <h1 className="font-serif text-3xl font-bold">Sorry, something went wrong</h1>
        <p className="mt-4 text-lg">
          {site.name} could not show this page just now. Please try again in a moment, or go to the{" "}
          <a href="/" className="underline">
            home page
          </a>
          .
        </p>
      </body>
    </html>
  );
}
