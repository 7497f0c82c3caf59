/**
 * Gives every HTTP request an id: the caller's `X-Request-Id` when it is a sane token (a proxy
 * or load balancer may set one), else a new UUID. It is sent back in `X-Request-Id` and is on
 * every log line written while the request is handled.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { withLogContext } from '@arbiter/observability';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given !== undefined && SANE_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    withLogContext({ requestId: id }, next);
  };
}
