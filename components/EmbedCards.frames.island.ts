import { FRAME_SANDBOX, frameOf, PROVIDERS, type ProviderKey } from "@/schema/embeds.mjs";

/**
 * The embed cards' browser code, in a chunk of its own that EmbedCards.island.tsx loads only on
 * a page with a card. The cards are in the story's HTML (schema/embed-cards.ts) as plain links,
 * which is all a reader without JavaScript gets; this adds to each a button that says where the
 * frame would come from and, when it is pressed, puts the provider's frame in the card
 * (schema/embeds.mjs makes its address). Nothing is requested from the provider before that.
 */

/** Loads a card's frame when its button is pressed: one listener for every card. */
function load(event: MouseEvent) {
  const button = (event.target as Element | null)?.closest?.(".embed-load");
  const card = button?.closest<HTMLElement>(".embed[data-embed]");
  // The page's card names the provider and id; the frame's address is made only from ours.
  const src = card ? frameOf(card.dataset.embed ?? "", card.dataset.embedId ?? "") : null;
  if (!button || !card || !src) return;
  const provider = PROVIDERS[card.dataset.embed as ProviderKey];
  const frame = document.createElement("iframe");
  frame.src = src;
  frame.title = `${provider.name} ${provider.kind}: ${card.querySelector(".embed-link a")?.textContent ?? ""}`;
  frame.className = "embed-frame";
  frame.setAttribute("sandbox", FRAME_SANDBOX);
  frame.allow = provider.allow;
  // YouTube refuses to play without knowing which site embeds it: the origin, no more.
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  if (provider.ratio) frame.style.aspectRatio = provider.ratio;
  if (provider.height) frame.style.height = provider.height;
  card.querySelector(".embed-label")?.remove();
  button.remove();
  card.classList.add("embed-loaded");
  card.prepend(frame);
  // The button the reader pressed is gone: keyboard focus goes to what replaced it.
  frame.focus();
}

/** Gives every card its button and starts listening; returns how to stop. */
export function enhanceEmbedCards(): () => void {
  for (const card of document.querySelectorAll<HTMLElement>(".embed[data-embed]")) {
    const provider = PROVIDERS[card.dataset.embed as ProviderKey];
    if (!provider || card.querySelector(".embed-load")) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "embed-load";
    button.textContent = `Load the ${provider.kind} from ${provider.name}`;
    card.append(button);
  }
  document.addEventListener("click", load);
  return () => document.removeEventListener("click", load);
}
