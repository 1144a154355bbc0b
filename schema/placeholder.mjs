// @ts-check
/**
 * What `npm run new` and `npm run live` write where an editor must write something; the content
 * build rejects it. Plain JavaScript so that those scripts (plain Node) import it too.
 */
export const PLACEHOLDER = "FILL IN";
