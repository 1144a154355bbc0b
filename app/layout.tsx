import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { SkipLink } from "@/components/SkipLink";
import { getActiveSections } from "@/lib/content";
import { palette, site } from "@/site.config.mjs";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: palette.light.paper },
    { media: "(prefers-color-scheme: dark)", color: palette.dark.paper },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const sections = getActiveSections();
  return (
    <html lang={site.language}>
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <SiteHeader sections={sections} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none">
          {children}
        </main>
        <SiteFooter sections={sections} />
      </body>
    </html>
  );
}
