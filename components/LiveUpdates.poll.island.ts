/**
 * Island code, fetched by LiveUpdates.island.tsx on a live page only. Every `every` ms while the
 * tab is visible, it asks the poll address for the entries' state; when it differs from what the
 * page shows, a button says how many entries are new (announced once, politely, to screen
 * readers). Clicking it fetches the page, puts its entries list (#live-entries) in place of the
 * one shown and moves focus to the newest new entry.
 *
 * The page's contract (components/LiveBlog.tsx, LiveEntryView.tsx): entries are <article data-entry-id="<slug>"> in
 * <section id="live-entries">, newest first; the loader's root carries the count and version
 * the page was rendered with.
 */
type State = { newest: string; count: number; version: string; ended: boolean };

const LIST = "live-entries";
const ROOT = "[data-live-updates]";

const label = (fresh: number) =>
  fresh > 0 ? `${fresh} new update${fresh === 1 ? "" : "s"}` : "Updates have been edited: show them";

export function watchLiveEntries(root: HTMLElement, poll: string, every: number) {
  const button = root.querySelector("button")!;
  const status = root.querySelector("p")!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let latest: State | undefined;
  let announced = "";

  const shown = () => ({ count: Number(root.dataset.count), version: String(root.dataset.version) });

  function schedule(ms: number) {
    clearTimeout(timer);
    if (!stopped && document.visibilityState === "visible") timer = setTimeout(check, ms);
  }

  async function check() {
    try {
      const response = await fetch(poll);
      // Gone (404, or 410 for a story taken down): nothing more will come.
      if (response.status === 404 || response.status === 410) return stop();
      if (response.ok) show((latest = (await response.json()) as State));
    } catch {
      // Offline for a moment: try again at the next turn.
    }
    if (latest?.ended && latest.version === shown().version) return stop();
    schedule(every);
  }

  function show(state: State) {
    const page = shown();
    if (state.version === page.version) {
      button.hidden = true;
      return;
    }
    const text = label(state.count - page.count);
    button.textContent = text;
    button.hidden = false;
    // Said once for each new figure, not at every poll.
    if (text !== announced) status.textContent = announced = text;
  }

  async function reveal() {
    const list = document.getElementById(LIST);
    if (!list) return location.reload();
    button.disabled = true;
    const before = new Set(
      [...list.querySelectorAll<HTMLElement>("[data-entry-id]")].map((e) => e.dataset.entryId),
    );
    // The page may lag the poll by a moment in a shared cache: ask again until it has the version.
    let fresh: Document | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const html = await (await fetch(location.pathname, { cache: "no-cache" })).text();
      fresh = new DOMParser().parseFromString(html, "text/html");
      const version = fresh.querySelector<HTMLElement>(ROOT)?.dataset.version;
      if (!latest || version === latest.version) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    button.disabled = false;
    const next = fresh?.getElementById(LIST);
    const nextRoot = fresh?.querySelector<HTMLElement>(ROOT);
    if (!next || !nextRoot) return;
    list.replaceChildren(...[...next.childNodes].map((node) => document.importNode(node, true)));
    root.dataset.count = nextRoot.dataset.count;
    root.dataset.version = nextRoot.dataset.version;
    button.hidden = true;
    announced = "";
    const first = [...list.querySelectorAll<HTMLElement>("[data-entry-id]")].find(
      (e) => !before.has(e.dataset.entryId),
    );
    const target = first ?? list;
    target.tabIndex = -1;
    target.focus();
  }

  function onVisibility() {
    if (document.visibilityState === "visible") schedule(0);
    else clearTimeout(timer);
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
  }

  button.addEventListener("click", reveal);
  document.addEventListener("visibilitychange", onVisibility);
  schedule(every);
  return () => {
    stop();
    button.removeEventListener("click", reveal);
  };
}
