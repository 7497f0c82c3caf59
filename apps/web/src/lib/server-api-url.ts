// The API as the web's server (not the browser) reaches it: its address, and GET of a visitor's view for pages rendered with the API's data.

/**
 * The API as this server reaches it: ARBITER_API_INTERNAL_URL (a container network's name for it), else the
 * browser's ARBITER_API_URL or NEXT_PUBLIC_API_URL, else this host on ARBITER_API_PORT (4000).
 */
export function serverApiUrl(): string {
  const configured =
    process.env.ARBITER_API_INTERNAL_URL || process.env.ARBITER_API_URL || process.env.NEXT_PUBLIC_API_URL;
  if (configured) return configured.replace(/\/$/, '');
  const port = /^\d{1,5}$/.test(process.env.ARBITER_API_PORT ?? '') ? process.env.ARBITER_API_PORT : '4000';
  return `http://127.0.0.1:${port}`;
}

/**
 * GET `path` from the API as an anonymous visitor, from this server, uncached and bounded to 3 s: its JSON
 * body, or null when the API is unreachable, slow or refuses.
 */
export async function serverApiJson(path: string): Promise<unknown> {
  try {
    const response = await fetch(`${serverApiUrl()}${path}`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(3_000),
    });
    return response.ok ? ((await response.json()) as unknown) : null;
  } catch {
    return null;
  }
}
