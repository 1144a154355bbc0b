/**
 * What a story body may hold besides plain Markdown: figures (an image on its own line, with a
 * `Caption:` and a `Credit:` line under it) and two container directives, `:::pullquote` and
 * `:::factbox[Title]`. One module for the syntax: the Markdown pipeline (schema/markdown.ts)
 * renders it, the schema (contentlayer.config.ts) checks it with `bodyBlockProblems`, and search
 * text (schema/headings.ts) reads it, all through the parser set up here.
 */
import type { ContainerDirective } from "mdast-util-directive";
import { directiveFromMarkdown } from "mdast-util-directive";
import type { Image, Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { directive } from "micromark-extension-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

type Extension = ReturnType<typeof directive>;

/** The container directives a story may use, each with what an editor writes. */
export const DIRECTIVES = {
  pullquote: { example: ":::pullquote[Who said it]", label: "optional", noun: "pull quote" },
  factbox: { example: ":::factbox[Key facts]", label: "required", noun: "fact box" },
} as const;
export type DirectiveName = keyof typeof DIRECTIVES;
export const directiveNames = Object.keys(DIRECTIVES) as DirectiveName[];
const isDirectiveName = (name: string): name is DirectiveName => Object.hasOwn(DIRECTIVES, name);

/** The class names the pipeline gives what it makes; the sanitiser allows these and no others. */
export const BLOCK_CLASSES = {
  aside: ["pullquote", "factbox"],
  p: ["pullquote-by", "factbox-title"],
  span: ["credit"],
} as const;

/** The words that start a figure's caption and credit lines. */
export const CAPTION = "Caption:";
export const CREDIT = "Credit:";

/**
 * Only *container* directives (`:::name` fences on lines of their own). remark-directive's text
 * (`:name`) and leaf (`::name`) directives would reinterpret ordinary prose ("talks:what next"),
 * so their constructs are left out and such text stays exactly as it was.
 */
function containerDirectives(): Extension {
  type Construct = { concrete?: boolean; tokenize: unknown };
  const flow = directive().flow![58] as Construct | Construct[];
  const constructs = (Array.isArray(flow) ? flow : [flow]).filter((c) => c.concrete === true);
  if (constructs.length !== 1)
    throw new Error("micromark-extension-directive changed: expected one container construct");
  return { flow: { 58: constructs } } as Extension;
}

/** remark plugin: parse container directives (and nothing else of the directive syntax). */
export function remarkContainerDirectives(this: Processor) {
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(containerDirectives());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

/** The body parsed as the pipeline parses it (GFM and container directives), for checks and text. */
export function parseBody(markdown: string): Root {
  return parser.parse(markdown);
}
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkContainerDirectives);
const plainParser = unified().use(remarkParse).use(remarkContainerDirectives);

/**
 * The blocks of a body as plain text, for search: a figure is its caption and credit, a fact box
 * its title and text; a pull quote is left out (it repeats words of the story). Parsed without
 * GFM, as search text always was, so that a story without figures or blocks reads as before.
 */
export function plainBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const add = (node: RootContent) => {
    if (node.type === "containerDirective") {
      if (node.name !== "pullquote") node.children.forEach(add);
      return;
    }
    const figure = node.type === "paragraph" ? figureOf(node) : null;
    if (figure !== null && typeof figure !== "string") {
      blocks.push(`${toString(figure.caption)} ${toString(figure.credit)}`.trim());
    } else {
      blocks.push(toString(node, { includeHtml: false }).trim());
    }
  };
  plainParser.parse(markdown).children.forEach(add);
  return blocks.filter(Boolean);
}

type Figure = { image: Image; caption: PhrasingContent[]; credit: PhrasingContent[] };

/** A phrasing node with what `pattern` matches cut from its text (a text node only). */
const trimStart = (node: PhrasingContent, pattern: RegExp): PhrasingContent | null => {
  if (node.type !== "text") return node;
  const value = node.value.replace(pattern, "");
  return value === "" ? null : { ...node, value };
};

/** Phrasing content cut into lines at newlines and hard breaks. */
function lines(children: PhrasingContent[]): PhrasingContent[][] {
  const result: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === "break") {
      result.push([]);
    } else if (child.type === "text" && child.value.includes("\n")) {
      child.value.split("\n").forEach((part, i) => {
        if (i > 0) result.push([]);
        if (part !== "") result.at(-1)!.push({ type: "text", value: part });
      });
    } else {
      result.at(-1)!.push(child);
    }
  }
  return result;
}

const blank = (line: PhrasingContent[]) => line.every((n) => n.type === "text" && n.value.trim() === "");
const lineText = (line: PhrasingContent[]) => line.map((n) => toString(n)).join("");

/**
 * A paragraph that is a figure: an image alone on its first line, then a `Caption:` line and a
 * `Credit:` line (either order). Returns the figure, or what is wrong with it as a sentence
 * that ends in the fix, or null when the paragraph holds no image at all.
 */
export function figureOf(paragraph: Paragraph): Figure | string | null {
  const images: Image[] = [];
  const find = (node: Nodes) => {
    if (node.type === "image") images.push(node);
    if ("children" in node) for (const child of node.children) find(child as Nodes);
  };
  find(paragraph);
  if (images.length === 0) return null;
  const [first, ...rest] = lines(paragraph.children);
  const image = first.find((n) => n.type === "image");
  const alone = image !== undefined && first.every((n) => n === image || blank([n]));
  if (!alone || images.length > 1 || rest.some((line) => line.some((n) => n.type === "image"))) {
    return `an image must stand alone on its line, with its ${CAPTION} and ${CREDIT} lines under it (see docs/editing.md, "Figures, pull quotes and fact boxes")`;
  }
  const parts: { caption?: PhrasingContent[]; credit?: PhrasingContent[] } = {};
  for (const line of rest) {
    if (blank(line)) continue;
    const text = lineText(line).trimStart();
    const label = [CAPTION, CREDIT].find((l) => text.toLowerCase().startsWith(l.toLowerCase()));
    const key = label === CAPTION ? "caption" : label === CREDIT ? "credit" : undefined;
    if (key === undefined || parts[key] !== undefined) {
      const said = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
      return key === undefined
        ? `the line ${said} under the image is neither a caption nor a credit; start it with "${CAPTION}" or "${CREDIT}"`
        : `the image has two "${label}" lines; keep one`;
    }
    const [head, ...tail] = line;
    const cut = trimStart(head, new RegExp(`^\\s*${label!.slice(0, -1)}:\\s*`, "i"));
    parts[key] = cut ? [cut, ...tail] : tail;
  }
  const missing = [
    parts.caption === undefined || blank(parts.caption) ? `"${CAPTION} what it shows"` : null,
    parts.credit === undefined || blank(parts.credit) ? `"${CREDIT} who made it"` : null,
  ].filter(Boolean);
  if (missing.length > 0) {
    return `the image has no ${missing.length === 2 ? "caption or credit" : missing[0]!.includes(CAPTION) ? "caption" : "credit"}; write ${missing.join(" and ")} on the lines right under it, with no blank line between`;
  }
  return { image: image as Image, caption: parts.caption!, credit: parts.credit! };
}

/** The label paragraph remark-directive makes of `[...]`, and the other children. */
function splitLabel(node: ContainerDirective) {
  const [first, ...rest] = node.children;
  const isLabel = first?.type === "paragraph" && (first.data as { directiveLabel?: boolean })?.directiveLabel;
  return isLabel ? { label: first as Paragraph, body: rest } : { label: undefined, body: node.children };
}

/** remark plugin for the pipeline: figures and the known directives become their HTML elements. */
export function remarkStoryBlocks() {
  return (tree: Root) => {
    const visit = (node: Nodes) => {
      if (node.type === "paragraph") {
        const figure = figureOf(node);
        if (figure !== null && typeof figure !== "string") {
          const credit: PhrasingContent = {
            type: "emphasis",
            data: { hName: "span", hProperties: { className: ["credit"] } },
            children: figure.credit,
          };
          const caption: PhrasingContent = {
            type: "emphasis",
            data: { hName: "figcaption" },
            children: [...figure.caption, { type: "text", value: " " }, credit],
          };
          node.data = { hName: "figure" };
          node.children = [figure.image, caption];
        }
        return;
      }
      if (node.type === "containerDirective" && isDirectiveName(node.name)) {
        const { label, body } = splitLabel(node);
        if (node.name === "pullquote") {
          if (label) label.data = { ...label.data, hProperties: { className: ["pullquote-by"] } };
          node.children = label ? [...body, label] : body;
        } else if (label) {
          label.data = { ...label.data, hProperties: { className: ["factbox-title"] } };
        }
        node.data = { hName: "aside", hProperties: { className: [node.name] } };
      }
      if ("children" in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(tree);
  };
}

/**
 * What is wrong with the figures and directives of a story's body (its Markdown, without front
 * matter), each with its line in the file (`firstLine`: the file's line of the body's first).
 */
export function bodyBlockProblems(markdown: string, firstLine = 1): string[] {
  const problems: string[] = [];
  const at = (node: Nodes) => `line ${(node.position?.start.line ?? 1) + firstLine - 1}`;
  const known = directiveNames.map((n) => DIRECTIVES[n].example).join(", ");
  const visit = (node: Nodes, inside?: DirectiveName) => {
    if (node.type === "paragraph") {
      const figure = figureOf(node);
      if (typeof figure === "string") problems.push(`${at(node)}: ${figure}`);
      else if (figure !== null && inside) {
        problems.push(
          `${at(node)}: a figure cannot go inside a ${DIRECTIVES[inside].noun}; put it before or after the :::${inside} block`,
        );
      }
      return;
    }
    if (node.type === "image") {
      // In a heading or a table cell: not a figure, and nowhere to put a caption.
      problems.push(
        `${at(node)}: an image must stand alone on its line, with its ${CAPTION} and ${CREDIT} lines under it, not in a heading or table`,
      );
      return;
    }
    if (node.type === "containerDirective") {
      if (!isDirectiveName(node.name)) {
        problems.push(
          `${at(node)}: ":::${node.name}" is not a block a story can use; the known ones are ${known}`,
        );
        return;
      }
      const { label, body } = splitLabel(node);
      const name = node.name;
      const noun = DIRECTIVES[name].noun;
      if (inside) {
        problems.push(
          `${at(node)}: a ${noun} cannot go inside a ${DIRECTIVES[inside].noun}; close the ${DIRECTIVES[inside].noun} (a line ":::") first`,
        );
      }
      if (node.attributes && Object.keys(node.attributes).length > 0) {
        problems.push(`${at(node)}: ":::${name}" takes no {…} attributes; remove them`);
      }
      if (DIRECTIVES[name].label === "required" && (!label || toString(label).trim() === "")) {
        problems.push(`${at(node)}: a ${noun} needs a title in brackets, like ${DIRECTIVES[name].example}`);
      }
      if (body.length === 0 || body.every((n) => toString(n).trim() === "")) {
        problems.push(
          `${at(node)}: the ${noun} is empty; write its text on the lines before the closing ":::"`,
        );
      }
      for (const child of body) {
        if (child.type === "heading") {
          problems.push(
            `${at(child)}: a ${noun} cannot hold a heading${name === "factbox" ? `; give the fact box its title in brackets, like ${DIRECTIVES.factbox.example}` : "; write the quote as a paragraph"}`,
          );
        }
        if (name === "pullquote") {
          const linked: Nodes[] = [];
          const find = (n: Nodes) => {
            if (n.type === "link" || n.type === "linkReference" || n.type === "image" || n.type === "html")
              linked.push(n);
            if ("children" in n) for (const c of n.children) find(c as Nodes);
          };
          find(child);
          if (child.type !== "paragraph" && child.type !== "heading") {
            problems.push(
              `${at(child)}: a pull quote is words of the story, in one or two paragraphs; no lists, tables or quotes in it`,
            );
          } else if (linked.length > 0) {
            problems.push(
              `${at(child)}: a pull quote repeats words of the story as plain text (screen readers skip it); remove the link, image or HTML from it`,
            );
          }
        }
        visit(child as Nodes, name);
      }
      return;
    }
    if ("children" in node) for (const child of node.children as RootContent[]) visit(child as Nodes, inside);
  };
  visit(parseBody(markdown));
  return problems;
}
