/**
 * CSRF defence for cookie-authenticated writes: a POST, PUT, PATCH or DELETE whose `Origin`
 * (or, lacking it, `Referer`) names a site other than the API itself or the web app is refused
 * with 403 `FORBIDDEN_ORIGIN`. Browsers always send `Origin` on cross-site writes, so a page on
 * another site cannot act with the visitor's session even where SameSite=Lax and the JSON-only
 * bodies would not stop it (old browsers, sibling subdomains, a form with a JSON-ish text body).
 * Requests with neither header (curl, server to server) carry no browser cookie to abuse and pass.
 */
import type { Request, RequestHandler } from 'express';
import { HttpError } from './http-error.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface OriginCheckOptions {
  /** The web app's origins (WEB_ORIGIN). */
  origins: string[];
}

/** `scheme://host[:port]` of a URL, or null when it is not one (e.g. `Origin: null`). */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The API's own origin as the client addressed it (`X-Forwarded-*` only from trusted proxies). */
function ownOrigin(req: Request): string | null {
  return req.host ? originOf(`${req.protocol}://${req.host}`) : null;
}

export function originCheck(options: OriginCheckOptions): RequestHandler {
  const allowed = new Set(options.origins.map((origin) => originOf(origin) ?? origin));
  return (req, _res, next) => {
    if (!WRITES.has(req.method)) {
      next();
      return;
    }
    const header = req.headers.origin ?? req.headers.referer;
    if (header === undefined) {
      next();
      return;
    }
    const origin = originOf(header);
    if (origin !== null && (allowed.has(origin) || origin === ownOrigin(req))) {
      next();
      return;
    }
    next(
      new HttpError(
        403,
        'FORBIDDEN_ORIGIN',
        `Requests from ${origin ?? 'a page of unknown origin'} may not change anything here. Use the web app at ${[...allowed].join(' or ')}.`,
      ),
    );
  };
}
