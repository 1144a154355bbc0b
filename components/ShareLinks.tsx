import { shareLinks } from "@/lib/share";

type Props = { url: string; title: string };

/**
 * Share links that work with JavaScript off; nothing from the networks loads until one is used.
 * They open in the same tab, as links do (WCAG G201): no surprise window, and Back returns to
 * the story.
 */
export function ShareLinks({ url, title }: Props) {
  return (
    <section aria-labelledby="share-title" className="mt-10 border-t border-rule pt-6 print:hidden">
      <h2 id="share-title" className="text-sm font-bold">
        Share this story
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {shareLinks({ url, title }).map((link) => (
          <li key={link.network}>
            <a href={link.href} className="button-link">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
