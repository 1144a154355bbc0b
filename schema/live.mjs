// @ts-check
/**
 * Live stories' entries (content/live/<story slug>/<entry>.md): the rule that ties an entry to
 * its story, checked by the content build (contentlayer.config.ts) and, against the whole
 * archive, by `npm run publish`.
 */

/**
 * What is wrong with where an entry sits: its folder must be named after a story that is live.
 *
 * @param {string} file the entry's file, as the editor knows it
 * @param {string} storySlug the name of its folder
 * @param {{ live?: boolean } | undefined} story the story of that name, if there is one
 * @returns {string | null}
 */
export function entryPlaceProblem(file, storySlug, story) {
  if (!story) {
    return `${file}: is an entry of "${storySlug}", but there is no story with that file name; move it to live/<story>/`;
  }
  if (!story.live)
    return `${file}: is an entry of "${storySlug}", which is not live; add live: true to the story`;
  return null;
}
