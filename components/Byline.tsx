import type { Author } from "@/lib/content";
import { Avatar } from "./Avatar";

export function Byline({ author }: { author: Author }) {
  return (
    <div className="flex items-center gap-3">
      <Avatar name={author.name} picture={author.picture} />
      <p className="text-sm">
        <span className="font-semibold">
          By{" "}
          <a href={author.url} rel="author" className="underline hover:text-accent">
            {author.name}
          </a>
        </span>
        {author.role && <span className="block text-muted">{author.role}</span>}
      </p>
    </div>
  );
}
