/**
 * Plain share links: they work with JavaScript off and load nothing from the networks until a
 * reader chooses one.
 */
export type ShareLink = { network: string; label: string; href: string };

export function shareLinks({ url, title }: { url: string; title: string }): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { network: "email", label: "Email", href: `mailto:?subject=${t}&body=${u}` },
    { network: "bluesky", label: "Bluesky", href: `https://bsky.app/intent/compose?text=${t}%20${u}` },
    { network: "x", label: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { network: "facebook", label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    {
      network: "linkedin",
      label: "LinkedIn",
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    },
    { network: "whatsapp", label: "WhatsApp", href: `https://wa.me/?text=${t}%20${u}` },
  ];
}
