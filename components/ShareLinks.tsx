import { shareLinks } from "@/lib/share";

type Props = { url: string; title: string };

/** Share links that work with JavaScript off; nothing from the networks loads until one is used. */
export function ShareLinks({ url, title }: Props) {
  return (
    <section aria-labelledby="share-title" className="mt-10 border-t border-rule pt-6 print:hidden">
      <h2 id="share-title" className="text-sm font-bold">
        Share this story
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {shareLinks({ url, title }).map((link) => (
          <li key={link.network}>
            <a
              href={link.href}
              data-network={link.network}
              className="inline-block rounded border border-rule px-3 py-2 underline-offset-2 hover:underline"
              {...(link.network === "email" ? {} : { target: "_blank", rel: "noopener noreferrer" })}
            >
              {link.label}
              {link.network !== "email" && <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
