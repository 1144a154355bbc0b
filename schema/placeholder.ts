/** What `npm run new` writes where an editor must write something; the content build rejects it. */
export const PLACEHOLDER = "FILL IN";
