// What replaces a person's data after an erasure. Kept apart so other domains
// (certificate issuing) can tell an erased record without loading lib/privacy.

/** What replaces a name, a message, an answer. Language-neutral: it is stored, then shown in any language. */
export const PRIVACY_PLACEHOLDER = "[erased]";

/** ".invalid" is reserved: no address under it can ever be delivered. */
export const ERASED_EMAIL_DOMAIN = "@erased.invalid";

/** A non-unique address for columns that need one. */
export const ERASED_EMAIL = `erased${ERASED_EMAIL_DOMAIN}`;

/** An address for columns that must stay unique (one registration per e-mail and event, one account per e-mail). */
export const placeholderEmail = (id: string) => `erased-${id}${ERASED_EMAIL_DOMAIN}`;
