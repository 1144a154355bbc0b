// @ts-check
/**
 * File names made from what an editor writes (a headline, an entry's title): lower-case ASCII
 * words joined by hyphens, as the content build requires, in any script: "Café" -> "cafe",
 * "中美贸易谈判" -> "zhong-mei-mao-yi-tan-pan", "Переговоры" -> "peregovory" (transliteration).
 * Used by `npm run new` and `npm run live`.
 */
import { slug } from "github-slugger";
import { transliterate } from "transliteration";

/**
 * @param {string} text
 * @param {number} max the most characters the name may have
 * @returns {string} the name, or "" when nothing in the text can be written in Latin letters
 */
export function fileNameFrom(text, max) {
  return slug(transliterate(text.normalize("NFC")).normalize("NFD").replace(/\p{M}/gu, ""))
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, max)
    .replace(/-$/, "");
}
