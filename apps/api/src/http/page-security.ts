/**
 * The Content-Security-Policy of the HTML pages the API serves itself (the API reference at
 * `/docs`, the admins' queue dashboard): everything from this origin only, nothing from anywhere
 * else; inline styles allowed because both UIs set style attributes.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
