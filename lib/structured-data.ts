/**
 * schema.org structured data (JSON-LD), typed with schema-dts. Pages render what these return
 * through components/JsonLd.tsx; nothing is written by hand in a route.
 */
import type {
  BlogPosting,
  BreadcrumbList,
  Graph,
  ListItem,
  LiveBlogPosting,
  NewsArticle,
  Organization,
  Thing,
  WebSite,
} from "schema-dts";
import { LIVE_BLOG_UPDATES, site, type Section } from "@/site.config.mjs";
import { getLiveEntries, modifiedAtOf, type Story, type Author } from "./content";
import { entryHeadline, entryPermalink, entryText } from "./live";
import type { Crumb } from "./breadcrumbs";
import { HOME_PATH, LOGO_PATH, absoluteUrl, socialImagePath } from "./url.mjs";

/** Google shows at most 110 characters of a NewsArticle headline. */
export const HEADLINE_MAX = 110;

export const LOGO = { path: LOGO_PATH, width: 512, height: 512 } as const;
export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

/** A full node, not a bare @id string (which schema-dts types also allow). */
type Node<T> = Exclude<T, string>;

const organizationId = () => absoluteUrl(`${HOME_PATH}#organization`);
const websiteId = () => absoluteUrl(`${HOME_PATH}#website`);

export function organization(): Node<Organization> {
  return {
    "@type": "NewsMediaOrganization",
    "@id": organizationId(),
    name: site.name,
    url: absoluteUrl(HOME_PATH),
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(LOGO.path),
      width: `${LOGO.width}`,
      height: `${LOGO.height}`,
    },
  };
}

export function website(): Node<WebSite> {
  return {
    "@type": "WebSite",
    "@id": websiteId(),
    name: site.name,
    description: site.description,
    url: absoluteUrl(HOME_PATH),
    inLanguage: site.language,
    publisher: { "@id": organizationId() },
  };
}

export function breadcrumbs(trail: Crumb[]): Node<BreadcrumbList> {
  return {
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, i): ListItem => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

type StoryContext = { story: Story; authors: Author[]; section: Section };

export function newsArticle({ story, authors, section }: StoryContext): Node<NewsArticle> {
  const url = absoluteUrl(story.url);
  const lead = story.leadImage;
  return {
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    headline: truncate(story.headline, HEADLINE_MAX),
    description: story.standfirst,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: story.publishedAt,
    dateModified: modifiedAtOf(story),
    author: authors.map((a) => ({ "@type": "Person" as const, name: a.name, url: absoluteUrl(a.url) })),
    publisher: organization(),
    image: [
      ...(lead
        ? [
            {
              "@type": "ImageObject" as const,
              url: absoluteUrl(lead.src),
              width: `${lead.width}`,
              height: `${lead.height}`,
              caption: lead.caption,
              creditText: lead.credit,
            },
          ]
        : []),
      {
        "@type": "ImageObject",
        url: absoluteUrl(socialImagePath(story.url)),
        width: `${SOCIAL_IMAGE.width}`,
        height: `${SOCIAL_IMAGE.height}`,
      },
    ],
    articleSection: section.name,
    keywords: story.topicRefs.map((t) => t.name),
    inLanguage: site.language,
    isAccessibleForFree: true,
  };
}

/**
 * A live story: the article, as a LiveBlogPosting (schema.org), with when coverage started (its
 * publication) and ended (once it has), and its newest entries as liveBlogUpdate, newest first.
 */
export function liveBlogPosting(context: StoryContext): Node<LiveBlogPosting> {
  const { story } = context;
  return {
    ...newsArticle(context),
    "@type": "LiveBlogPosting",
    coverageStartTime: story.publishedAt,
    ...(story.coverageEndAt ? { coverageEndTime: story.coverageEndAt } : {}),
    liveBlogUpdate: getLiveEntries(story)
      .slice(0, LIVE_BLOG_UPDATES)
      .map((entry): Node<BlogPosting> => ({
        "@type": "BlogPosting",
        headline: truncate(entryHeadline(entry), HEADLINE_MAX),
        datePublished: entry.timeAt,
        url: absoluteUrl(entryPermalink(story, entry)),
        articleBody: entryText(entry),
      })),
  };
}

/** A story's article node: a LiveBlogPosting for live coverage, else a NewsArticle. */
export const storyArticle = (context: StoryContext) =>
  context.story.live ? liveBlogPosting(context) : newsArticle(context);

/** One graph per page, so that nodes can refer to each other by @id. */
export function graph(...nodes: Node<Thing>[]): Graph {
  return { "@context": "https://schema.org", "@graph": nodes };
}
