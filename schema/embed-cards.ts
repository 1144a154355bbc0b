import type { Element, ElementContent, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import rehypeRaw from "rehype-raw";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { embedOf, PROVIDER_NAMES, PROVIDERS, type ProviderKey } from "./embeds.mjs";
import { quoted } from "./limits.mjs";

/** An embed in a story: which site, and the id of the video or post there. */
export type EmbedRef = { provider: ProviderKey; id: string };

const isBlank = (node: ElementContent) => node.type === "text" && node.value.trim() === "";

/**
 * A paragraph that holds nothing but a link whose text is its own address: a line with only an
 * address on it (GFM autolinks it), `<https://…>`, or `[https://…](https://…)`. Its address, or
 * null. A link with words of its own ("[the video](https://…)") is a link the editor wrote.
 */
function loneAddress(node: Nodes): string | null {
  if (node.type !== "element" || node.tagName !== "p") return null;
  const content = node.children.filter((child) => !isBlank(child));
  const link = content[0];
  if (content.length !== 1 || link.type !== "element" || link.tagName !== "a") return null;
  const href = link.properties.href;
  if (typeof href !== "string") return null;
  const text = hastToString(link).trim();
  return text === href || `http://${text}` === href || `https://${text}` === href ? href : null;
}

/**
 * Rehype plugin, run after sanitising: each top-level paragraph that is only the address of a
 * video or post on a provider's site (schema/embeds.mjs) becomes an embed card. The card is the
 * same link under a line saying what it leads to, so without JavaScript, and in feeds, it is a
 * plain link; the island (components/EmbedCards.island.tsx) offers to load the frame, from
 * `data-embed` and `data-embed-id`, only when the reader asks. Addresses that cannot be embedded
 * are left as they are, and the content check names them (storyEmbeds).
 */
export function rehypeEmbedCards() {
  return (tree: Root) => {
    tree.children = tree.children.map((node) => {
      const address = loneAddress(node);
      const embed = address === null ? null : embedOf(address);
      if (embed === null || !("id" in embed)) return node;
      const { name, kind } = PROVIDERS[embed.provider];
      const card: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["embed"], dataEmbed: embed.provider, dataEmbedId: embed.id },
        children: [
          {
            type: "element",
            tagName: "p",
            properties: { className: ["embed-label"] },
            children: [{ type: "text", value: `${name} ${kind}` }],
          },
          { type: "text", value: "\n" },
          { ...(node as Element), properties: { className: ["embed-link"] } },
        ],
      };
      return card;
    });
  };
}

/** "put its address alone on its own line", with the address when there is one to give. */
function fixFor(addresses: string[]): string {
  for (const address of addresses) {
    const embed = embedOf(address);
    if (embed && "id" in embed) {
      const { kind, address: pageOf } = PROVIDERS[embed.provider];
      return `put the ${kind}'s address alone on its own line instead: ${pageOf(embed.id)}`;
    }
  }
  return `for a ${PROVIDER_NAMES} video or post, put its address alone on its own line instead, like ${PROVIDERS.youtube.example}; anything else cannot be embedded: link to it`;
}

/** The addresses an element and everything in it point to. */
function addressesIn(node: Element): string[] {
  const found: string[] = [];
  const visit = (n: Nodes) => {
    if (n.type !== "element") return;
    for (const name of ["href", "src", "data", "dataInstgrmPermalink", "dataBlueskyUri", "cite"]) {
      const value = n.properties[name];
      if (typeof value === "string") found.push(value);
    }
    n.children.forEach((child) => visit(child as Nodes));
  };
  visit(node);
  // A Bluesky snippet names its post at://did/app.bsky.feed.post/id; readers' address for it:
  return found.map((a) =>
    a.replace(/^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/, "https://bsky.app/profile/$1/post/$2"),
  );
}

/** The class names of the providers' copy-and-paste embed code. */
const SNIPPETS: Record<string, string> = {
  "twitter-tweet": PROVIDERS.x.name,
  "twitter-video": PROVIDERS.x.name,
  "instagram-media": PROVIDERS.instagram.name,
  "bluesky-embed": PROVIDERS.bluesky.name,
};

/** Elements that frame another page or plug-in: never in a story. */
const FRAME_TAGS = ["iframe", "frame", "embed", "object", "applet", "portal"];
/** Tags the sanitiser removes that are embed code: cheap to look for before parsing anything. */
const EMBED_TAGS = new RegExp(
  `<\\s*(${[...FRAME_TAGS, "script", "video", "audio", "blockquote"].join("|")})\\b`,
  "i",
);

/**
 * Embed code in the raw Markdown: what the sanitiser would silently strip (an <iframe>, a
 * <script>, a provider's copy-and-paste snippet, <video> or <audio>), found in the HTML as the
 * editor wrote it, before sanitising. Each names what it is and the fix.
 */
export function embedCodeProblems(raw: string): string[] {
  if (!EMBED_TAGS.test(raw)) return [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  const tree = processor.runSync(processor.parse(raw)) as Root;
  const problems: string[] = [];
  let snippets = 0;
  const dropped = (what: string) => `${what} cannot go in a story (the page would drop it without a word)`;
  const visit = (node: Nodes) => {
    if (node.type !== "element") {
      if ("children" in node) node.children.forEach((child) => visit(child as Nodes));
      return;
    }
    const tag = node.tagName;
    const src = typeof node.properties.src === "string" ? ` ${quoted(node.properties.src, 200)}` : "";
    const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
    const snippet = classes.find((c) => Object.hasOwn(SNIPPETS, c));
    if (tag === "blockquote" && snippet) {
      snippets += 1;
      problems.push(
        `${dropped(`${SNIPPETS[snippet]}'s embed code (<blockquote class="${snippet}">)`)}; ${fixFor(addressesIn(node))}`,
      );
      return;
    }
    if (FRAME_TAGS.includes(tag)) {
      problems.push(`${dropped(`an <${tag}>${src}`)}; ${fixFor(addressesIn(node))}`);
      return;
    }
    if (tag === "script") {
      scripts.push(`${dropped(`a <script>${src}`)}: a story runs no scripts; delete it`);
      return;
    }
    if (tag === "video" || tag === "audio") {
      problems.push(
        `${dropped(`a <${tag}>${src}`)}; link to the file instead, or for a ${PROVIDERS.youtube.name} or ${PROVIDERS.vimeo.name} video put its address alone on its own line, like ${PROVIDERS.youtube.example}`,
      );
      return;
    }
    node.children.forEach((child) => visit(child as Nodes));
  };
  const scripts: string[] = [];
  visit(tree);
  // A provider's snippet ends in its script: the snippet's message already says what to write.
  return [...problems, ...scripts.map((s) => (snippets > 0 ? s : `${s}; ${fixFor([])}`))];
}

/**
 * The embeds of a rendered body, and what is wrong with its embeds: embed code in the Markdown
 * (embedCodeProblems), and an address alone on its line on a provider's site that is not one
 * that can be embedded (a Bluesky post named by handle, a channel page, a mistyped id).
 */
export function storyEmbeds(html: string, raw: string): { embeds: EmbedRef[]; problems: string[] } {
  const problems = embedCodeProblems(raw);
  const embeds: EmbedRef[] = [];
  // Most stories embed nothing and link to no provider: no need to parse them again.
  const hosts = Object.values(PROVIDERS).flatMap((p) => p.hosts);
  if (!hosts.some((host) => html.includes(host))) return { embeds, problems };
  const tree = fromHtml(html, { fragment: true });
  for (const node of tree.children) {
    if (node.type === "element" && typeof node.properties.dataEmbed === "string") {
      embeds.push({
        provider: node.properties.dataEmbed as ProviderKey,
        id: String(node.properties.dataEmbedId),
      });
      continue;
    }
    const address = loneAddress(node);
    const embed = address === null ? null : embedOf(address);
    if (embed && "problem" in embed) {
      problems.push(`${quoted(address, 200)}, alone on its line, ${embed.problem}`);
    }
  }
  return { embeds, problems };
}
