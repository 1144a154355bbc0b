import { HOME_PATH } from "@/lib/url.mjs";
import { site } from "@/site.config.mjs";

/** The page of a story that was taken down: served with 410 Gone by server.mjs. */
export function StoryRemoved() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">This story has been removed</h1>
      <p className="mt-4 text-lg">
        {site.name} has taken this story down, and it is no longer available. Read the latest news on the{" "}
        <a href={HOME_PATH} className="underline">
          home page
        </a>
        .
      </p>
    </div>
  );
}
