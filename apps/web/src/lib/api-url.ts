// Where the API lives: the URL the server injected at request time (window.__ARBITER_API__, from
// ARBITER_API_URL), else NEXT_PUBLIC_API_URL (inlined at build), else the page's own host (so the
// page works at localhost, 127.0.0.1 or a LAN address alike) on the API's port: the one injected
// from ARBITER_API_PORT, else 4000.
declare global {
  interface Window {
    __ARBITER_API__?: string;
    __ARBITER_API_PORT__?: string;
  }
}

export function apiUrl(): string {
  if (typeof window !== 'undefined' && window.__ARBITER_API__)
    return window.__ARBITER_API__.replace(/\/$/, '');
  const configured = process.env.NEXT_PUBLIC_API_URL;
  if (configured) return configured.replace(/\/$/, '');
  if (typeof window === 'undefined') return 'http://localhost:4000';
  return `${window.location.protocol}//${window.location.hostname}:${window.__ARBITER_API_PORT__ ?? '4000'}`;
}
