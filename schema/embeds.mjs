// @ts-check
/**
 * The sites a story may embed from: the one place their names, addresses and frames are written.
 *
 * A line of a story holding only the address of a video or post on one of these sites becomes
 * an embed card (schema/embed-cards.ts): a plain link until the reader asks for the frame, so
 * that no request leaves for the other site before that. The same list is read by the content
 * check (any other embed code fails it), by the island that loads a frame when a card is clicked
 * (components/EmbedCards.frames.island.ts, loaded by EmbedCards.island.tsx) and by the Content-Security-Policy (lib/http-headers.mjs:
 * `frame-src` allows exactly the frame origins below). Plain JavaScript with no imports, so that
 * server.mjs (plain Node) can read it through lib/http-headers.mjs.
 */

/**
 * @typedef {"youtube" | "vimeo" | "x" | "bluesky" | "instagram"} ProviderKey
 *
 * @typedef {object} Provider
 * @property {string} name as readers know the site
 * @property {"video" | "post"} kind what the card says it holds
 * @property {readonly string[]} hosts the hosts of the addresses editors paste
 * @property {string} example an address of the kind to write, for error messages
 * @property {string} frameOrigin where its frame comes from: the only origin frame-src allows for it
 * @property {RegExp} id what an id looks like (checked again before a frame is made)
 * @property {(url: URL) => string | null} idOf the id in an address, or null
 * @property {(id: string) => string} frame the embed frame's address
 * @property {(id: string) => string} address the page's own address, for messages
 * @property {string} allow the frame's permissions (its `allow` attribute)
 * @property {string} [ratio] a video's frame keeps this aspect ratio
 * @property {string} [height] a post's frame is this tall (a post resizes its frame only with the
 *   site's own script, which is never loaded here)
 */

/** The first match of a pattern on an address's path, or null. */
const pathMatch = (/** @type {URL} */ url, /** @type {RegExp} */ pattern) =>
  pattern.exec(url.pathname)?.[1] ?? null;

/** @type {Readonly<Record<ProviderKey, Provider>>} */
export const PROVIDERS = {
  youtube: {
    name: "YouTube",
    kind: "video",
    hosts: ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"],
    example: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    // Privacy-enhanced mode: YouTube sets no cookie until the reader plays the video.
    frameOrigin: "https://www.youtube-nocookie.com",
    id: /^[A-Za-z0-9_-]{11}$/,
    idOf: (url) =>
      url.hostname === "youtu.be"
        ? pathMatch(url, /^\/([^/]+)\/?$/)
        : url.pathname === "/watch"
          ? url.searchParams.get("v")
          : pathMatch(url, /^\/(?:shorts|embed|live)\/([^/]+)\/?$/),
    frame: (id) => `${PROVIDERS.youtube.frameOrigin}/embed/${id}`,
    address: (id) => `https://www.youtube.com/watch?v=${id}`,
    allow:
      "accelerometer; autoplay; clipboard-write; encrypted-media; fullscreen; gyroscope; picture-in-picture",
    ratio: "16 / 9",
  },
  vimeo: {
    name: "Vimeo",
    kind: "video",
    hosts: ["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
    example: "https://vimeo.com/76979871",
    frameOrigin: "https://player.vimeo.com",
    // An unlisted video's address carries a second part, its hash: "76979871/1a2b3c4d5e".
    id: /^\d{1,12}(?:\/[0-9a-f]{6,20})?$/,
    idOf: (url) => {
      const match = /^\/(?:video\/)?(\d+)(?:\/([0-9a-f]+))?\/?$/.exec(url.pathname);
      if (!match) return null;
      const hash = match[2] ?? url.searchParams.get("h");
      return hash ? `${match[1]}/${hash}` : match[1];
    },
    // dnt=1: Vimeo's player keeps no session data and sets no tracking cookie.
    frame: (id) => {
      const [video, hash] = id.split("/");
      return `${PROVIDERS.vimeo.frameOrigin}/video/${video}?dnt=1${hash ? `&h=${hash}` : ""}`;
    },
    address: (id) => `https://vimeo.com/${id}`,
    allow: "autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture",
    ratio: "16 / 9",
  },
  x: {
    name: "X",
    kind: "post",
    hosts: ["x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"],
    example: "https://x.com/NASA/status/1234567890123456789",
    frameOrigin: "https://platform.twitter.com",
    id: /^\d{1,20}$/,
    idOf: (url) => pathMatch(url, /^\/(?:[A-Za-z0-9_]{1,15}|i|i\/web)\/status(?:es)?\/(\d+)\/?$/),
    // dnt=true: X is asked not to use the visit to personalise anything.
    frame: (id) => `${PROVIDERS.x.frameOrigin}/embed/Tweet.html?id=${id}&dnt=true`,
    address: (id) => `https://x.com/i/status/${id}`,
    allow: "",
    height: "40rem",
  },
  bluesky: {
    name: "Bluesky",
    kind: "post",
    hosts: ["bsky.app"],
    example: "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kj2umze7zj2n",
    frameOrigin: "https://embed.bsky.app",
    // Bluesky's frame names the author by DID (did:plc:… or did:web:…), never by handle.
    id: /^did:(?:plc:[a-z2-7]{24}|web:[A-Za-z0-9.-]+)\/[A-Za-z0-9._~-]{1,512}$/,
    idOf: (url) => {
      const match = /^\/profile\/([^/]+)\/post\/([^/]+)\/?$/.exec(url.pathname);
      if (!match) return null;
      try {
        return `${decodeURIComponent(match[1])}/${match[2]}`;
      } catch {
        return `${match[1]}/${match[2]}`; // a broken %-escape: the id check refuses it, by name
      }
    },
    frame: (id) => {
      const [did, post] = [id.slice(0, id.lastIndexOf("/")), id.slice(id.lastIndexOf("/") + 1)];
      return `${PROVIDERS.bluesky.frameOrigin}/embed/${did}/app.bsky.feed.post/${post}`;
    },
    address: (id) => `https://bsky.app/profile/${id.replace(/\/(?=[^/]*$)/, "/post/")}`,
    allow: "",
    height: "32rem",
  },
  instagram: {
    name: "Instagram",
    kind: "post",
    hosts: ["instagram.com", "www.instagram.com"],
    example: "https://www.instagram.com/p/C1a2B3c4D5e/",
    frameOrigin: "https://www.instagram.com",
    id: /^[A-Za-z0-9_-]{5,40}$/,
    idOf: (url) => pathMatch(url, /^\/(?:[A-Za-z0-9_.]+\/)?(?:p|reel|tv)\/([^/]+)\/?$/),
    frame: (id) => `${PROVIDERS.instagram.frameOrigin}/p/${id}/embed`,
    address: (id) => `https://www.instagram.com/p/${id}/`,
    allow: "",
    height: "44rem",
  },
};

/** @type {ProviderKey[]} */
export const PROVIDER_KEYS = /** @type {ProviderKey[]} */ (Object.keys(PROVIDERS));

/** Every origin an embed frame may come from: what the CSP's frame-src lists, and nothing else. */
export const FRAME_ORIGINS = PROVIDER_KEYS.map((key) => PROVIDERS[key].frameOrigin);

/** "YouTube, Vimeo, X, Bluesky or Instagram", for messages and the editors' guide. */
export const PROVIDER_NAMES = PROVIDER_KEYS.map((key) => PROVIDERS[key].name)
  .join(", ")
  .replace(/, ([^,]+)$/, " or $1");

/**
 * Every frame is sandboxed: its scripts run (players need them) in its own origin, and links in
 * it open in a new tab; it may not navigate this page, submit forms, open dialogs or download.
 */
export const FRAME_SANDBOX =
  "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";

/**
 * What an address is as an embed: null when it is not on a provider's site or not the address
 * of a video or post there (a channel, a profile: an ordinary link); otherwise the provider and
 * either the id of what it shows or, when that id is malformed, the reason.
 *
 * @param {string} address
 * @returns {null | { provider: ProviderKey; id: string } | { provider: ProviderKey; problem: string }}
 */
export function embedOf(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const provider = PROVIDER_KEYS.find((key) => PROVIDERS[key].hosts.includes(url.hostname.toLowerCase()));
  if (!provider) return null;
  const { name, kind, example } = PROVIDERS[provider];
  const id = PROVIDERS[provider].idOf(url);
  if (provider === "bluesky" && id !== null && !id.startsWith("did:")) {
    return {
      provider,
      problem: `names the post's author by handle ("${id.split("/")[0]}"); Bluesky's embed needs the author's DID, which the check cannot look up without the network. On bsky.app choose "Embed post" in the post's menu: the snippet's at:// address holds the DID (did:plc:…). Write the address with it, like ${example}`,
    };
  }
  // A page that shows no video or post (a channel, a profile) is an ordinary link.
  if (id === null) return null;
  if (!PROVIDERS[provider].id.test(id)) {
    return { provider, problem: `is not the address of a ${name} ${kind}; write one like ${example}` };
  }
  return { provider, id };
}

/**
 * The frame address for a card's provider and id, or null if either is not one of ours: the
 * island checks again what the page says before it loads anything.
 *
 * @param {string} provider
 * @param {string} id
 */
export function frameOf(provider, id) {
  if (!Object.hasOwn(PROVIDERS, provider)) return null;
  const p = PROVIDERS[/** @type {ProviderKey} */ (provider)];
  return p.id.test(id) ? p.frame(id) : null;
}
