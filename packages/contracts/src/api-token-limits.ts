/** Limits of personal access tokens, pure data (importable by the web without zod). */

/** Tokens one account may hold at once. */
export const MAX_API_TOKENS_PER_USER = 20;
/** Longest token name, in characters. */
export const API_TOKEN_NAME_MAX = 64;
/** Longest lifetime a token may be given, in days (ten years). */
export const API_TOKEN_MAX_DAYS = 3650;
