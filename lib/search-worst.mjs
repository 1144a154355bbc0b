// @ts-check
/**
 * The worst queries one can construct against the search planner (lib/search-plan.ts), each
 * kind a function of the corpus's commonest words and a seed, so that every call is a new query
 * (nothing is answered from a cache). Used by its test and its benchmark.
 */

/** n letters, the same for the same seed. */
function letters(/** @type {number} */ n, /** @type {number} */ seed) {
  let s = seed * 7919 + n;
  let out = "";
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    out += String.fromCharCode(97 + (s % 26));
  }
  return out;
}
/** @param {string[]} list @param {number} by */
const rotate = (list, by) => [...list.slice(by % list.length), ...list.slice(0, by % list.length)];
/** Real long words, each with two letters changed: every one a candidate for typos. */
const LONG =
  "considerations translations microphones establishment international responsibility relationships opportunities neighbourhood administration investigation understanding".split(
    " ",
  );
/** @param {string} word @param {number} seed */
const typo = (word, seed) =>
  `${word.slice(0, 2)}${letters(1, seed)}${word.slice(3, -1)}${letters(1, seed + 1)}`;

/** @type {Record<string, (common: string[], seed: number) => string>} */
export const WORST_QUERIES = {
  "12 random 40-letter words": (_, seed) =>
    Array.from({ length: 12 }, (_, i) => letters(40, seed * 12 + i)).join(" "),
  "the 12 commonest words": (common, seed) => rotate(common.slice(0, 12), seed).join(" "),
  "11 commonest words and a 3-letter prefix": (common, seed) =>
    `${rotate(common.slice(0, 11), seed).join(" ")} ${letters(3, seed)}`,
  "12 long words, each with two typos": (_, seed) => LONG.map((w, i) => typo(w, seed * 12 + i)).join(" "),
  "12 unknown 20-letter words (the longest whose typos are forgiven)": (_, seed) =>
    Array.from({ length: 12 }, (_, i) => letters(20, seed * 12 + i)).join(" "),
  "500 one-letter words": (_, seed) =>
    Array.from({ length: 500 }, (_, i) => letters(1, seed * 500 + i)).join(" "),
  "a 1,000-letter word": (_, seed) => letters(1000, seed),
  "a common word and a rare one": (common, seed) => `${common[seed % 12]} quokka`,
  "common prefixes: 12 words of 3 letters": (common, seed) =>
    rotate(common.filter((w) => w.length >= 3).slice(0, 24), seed)
      .slice(0, 12)
      .map((w) => w.slice(0, 3))
      .join(" "),
};
