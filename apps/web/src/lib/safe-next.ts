// Where to go after signing in: a page of this site only. `next` comes from the address bar, so anyone
// can send a link to /login?next=… (an open redirect would then lead from a trusted sign-in page to
// theirs); it is resolved with the URL API against this page's origin and used only if it stays there.

/** Where a sign-in goes when `next` is missing or not a page of this site. */
export const DEFAULT_AFTER_SIGN_IN = '/problems';

/**
 * `raw` as a path on `origin` (path, query and fragment), or `fallback`. Only a path is accepted:
 * one leading `/`, no backslash (browsers read it as `/`, so `/\host` is `//host`), no control
 * characters or spaces (the URL parser drops tabs and newlines, so `/\t/host` is `//host`), none
 * of those nor `/` percent-encoded, no scheme; and once resolved (dot segments can turn
 * `/..//host` into `//host`) the origin must be the same and the path must not start with `//`.
 */
export function safeNextPath(
  raw: string | null,
  origin: string,
  fallback: string = DEFAULT_AFTER_SIGN_IN,
): string {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//')) return fallback;
  if ([...raw].some((char) => char === '\\' || char <= ' ' || char === '\u007f')) return fallback;
  // The same, percent-encoded: a server or router that decodes once more must not find them either.
  if (/%(?:2f|5c|[01][0-9a-f]|20|7f)/i.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}
