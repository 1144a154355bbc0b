import { notFound } from "next/navigation";
import { Avatar } from "@/components/Avatar";
import { StoryList } from "@/components/StoryList";
import { getAllAuthors, getAuthorBySlug, getStoriesByAuthor } from "@/lib/content";
import { authorChannel } from "@/lib/feeds";
import { pageMetadata } from "@/lib/metadata";
import { site } from "@/site.config";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export const generateStaticParams = () => getAllAuthors().map((a) => ({ slug: a.slug }));

export async function generateMetadata({ params }: Props) {
  const author = getAuthorBySlug((await params).slug);
  if (!author) return {};
  return pageMetadata({
    title: author.name,
    description: author.bio ?? `Stories by ${author.name} for ${site.name}.`,
    path: author.url,
    channels: [authorChannel(author)],
  });
}

export default async function AuthorPage({ params }: Props) {
  const author = getAuthorBySlug((await params).slug);
  if (!author) notFound();
  const stories = getStoriesByAuthor(author);
  return (
    <div className="mx-auto max-w-3xl">
      <header className="flex items-center gap-4 border-b border-rule pb-6">
        <Avatar name={author.name} picture={author.picture} size={72} />
        <div>
          <h1 className="font-serif text-3xl font-bold sm:text-4xl">{author.name}</h1>
          {author.role && <p className="mt-1 text-muted">{author.role}</p>}
        </div>
      </header>
      {author.bio && <p className="mt-6 font-serif text-lg">{author.bio}</p>}
      {author.links && author.links.length > 0 && (
        <ul className="mt-4 flex flex-wrap gap-4 text-sm">
          {author.links.map((link) => (
            <li key={link}>
              <a href={link} rel="me noopener" className="underline">
                {new URL(link).hostname.replace(/^www\./, "")}
              </a>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="author-stories" className="mt-8">
        <h2 id="author-stories" className="text-lg font-bold">
          Stories by {author.name}
        </h2>
        <StoryList stories={stories} level={3} empty={`${author.name} has no published stories yet.`} />
      </section>
    </div>
  );
}
