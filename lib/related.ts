/**
 * What to read next: related stories, and the stories before and after this one in its
 * section.
 */
import { RELATED_STORIES_COUNT } from "@/site.config.mjs";
import {
  getSectionOf,
  getStoriesBySection,
  getStoriesByTopic,
  positionInSection,
  type Story,
} from "./content";

type Scored = { story: Story; score: number };

/** Better first: more in common, then newer. */
const better = (a: Scored, b: Scored) =>
  a.score > b.score || (a.score === b.score && a.story.publishedAt > b.story.publishedAt);

/** Keeps the best `count` in order; O(candidates x count), no sort of the whole candidate set. */
function insertTop(top: Scored[], item: Scored, count: number) {
  let i = top.length;
  while (i > 0 && better(item, top[i - 1])) i--;
  if (i < count) {
    top.splice(i, 0, item);
    if (top.length > count) top.pop();
  }
}

/**
 * Stories sharing this one's topics (two points a shared topic) or section (one point), never
 * the story itself, best match first and newest breaking ties.
 */
export function relatedStories(story: Story, count = RELATED_STORIES_COUNT): Story[] {
  const scores = new Map<Story, number>();
  for (const topic of story.topicRefs) {
    for (const other of getStoriesByTopic(topic)) {
      if (other !== story) scores.set(other, (scores.get(other) ?? 0) + 2);
    }
  }
  const top: Scored[] = [];
  for (const [other, score] of scores) {
    insertTop(top, { story: other, score: score + (other.sectionName === story.sectionName ? 1 : 0) }, count);
  }
  // Too few share a topic: the newest of the same section fill the rest.
  if (top.length < count) {
    for (const other of getStoriesBySection(getSectionOf(story))) {
      if (top.length >= count) break;
      if (other !== story && !scores.has(other)) top.push({ story: other, score: 1 });
    }
  }
  return top.map((t) => t.story);
}

/** The section's stories either side of this one: the one published before it and after it. */
export function sectionNeighbours(story: Story): { previous?: Story; next?: Story } {
  const list = getStoriesBySection(getSectionOf(story));
  const i = positionInSection(story);
  // The list is newest first: the previous (older) story comes after this one in it.
  return { previous: list[i + 1], next: list[i - 1] };
}
