"use client";

import "./globals.css";

/**
 * Replaces the whole page when even the layout fails; shows no internals. The site's name and
 * language are site.config.mjs's, written in at build time (next.config.ts `env`).
 */
export default function GlobalError() {
  return (
    <html lang={process.env.SITE_LANGUAGE}>
      <body className="mx-auto max-w-3xl px-4 py-16">
        <h1 className="font-serif text-3xl font-bold">Sorry, something went wrong</h1>
        <p className="mt-4 text-lg">
          {process.env.SITE_NAME} could not show this page just now. Please try again in a moment, or go to
          the{" "}
          <a href="/" className="underline">
            home page
          </a>
          .
        </p>
      </body>
    </html>
  );
}
