/** WCAG 2.2 A and AA on every page type but the story and search pages (story.spec.ts, search.spec.ts), in both colour schemes. */
import { test, testNoAxeViolations } from "./fixtures";
import { firstStory } from "./routes.mjs";

test.describe("accessibility of every page type", () => {
  const pages = [
    { name: "home", path: "/" },
    { name: "author", path: firstStory.authorPath },
    { name: "section", path: firstStory.section.path },
    { name: "topic", path: "/topics/trade" },
    { name: "not found", path: "/no-such-page" },
  ];
  for (const { name, path } of pages) testNoAxeViolations(`${name} page`, path);
});
