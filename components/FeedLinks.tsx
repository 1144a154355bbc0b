import { feedFormats, feedUrl, type Channel } from "@/lib/feeds";
import { FEED_FORMATS } from "@/lib/url.mjs";

/** Visible links to a listing's feeds, for readers who follow it in a feed reader. */
export function FeedLinks({ channel }: { channel: Channel }) {
  return (
    <p className="mt-3 text-sm text-muted print:hidden">
      Follow in a feed reader:{" "}
      {FEED_FORMATS.map((format, i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a href={new URL(feedUrl(channel, format)).pathname} className="underline hover:text-ink">
            {feedFormats[format].name}
          </a>
        </span>
      ))}
    </p>
  );
}
