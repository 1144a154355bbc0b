import { shareLinks } from "@/lib/share";
import { Panel } from "./Panel";

type Props = { url: string; title: string };

/**
 * Share links that work with JavaScript off; nothing from the networks loads until one is used.
 * They open in the same tab, as links do (WCAG G201): no surprise window, and Back returns to
 * the story.
 */
export function ShareLinks({ url, title }: Props) {
  return (
    <Panel as="section" kind="end" titleId="share-title" title="Share this story" print={false}>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {shareLinks({ url, title }).map((link) => (
          <li key={link.network}>
            <a href={link.href} className="button-link">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
