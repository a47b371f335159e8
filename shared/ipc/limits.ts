/**
 * Size limits of IPC payloads, apart from the schemas so the page can use them (as `maxLength`
 * of its fields) without loading zod.
 */

/** Longest mailbox address accepted (RFC 5321 path limit plus slack for typos we explain). */
export const MAX_EMAIL_INPUT = 400;
/** Longest server input: a 253-character name in an https:// URL with a port. */
export const MAX_SERVER_INPUT = 300;
/** A text summary for a ticket is a few KB; this bounds a runaway page, not a real summary. */
export const MAX_CLIPBOARD_TEXT = 200_000;
/** Longest file path accepted from a drop: Windows' extended-length limit; bounds a hostile message, not a real path. */
export const MAX_FILE_PATH = 32_767;
