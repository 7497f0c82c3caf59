/**
 * The one place errors become responses: `{error: {code, message}}` with the right status.
 * Body-parser failures (bad JSON, body too large, undecodable compression) and malformed
 * percent-encoding in a path are the client's 4xx; a database or Redis that cannot be reached is
 * 503; anything unexpected is logged and answered 500 without internals.
 */
import { isUtf8 } from 'node:buffer';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { MAX_SMALL_BODY_BYTES, type ErrorBody } from '@arbiter/contracts';
import type { Logger } from '@arbiter/observability';
import { ForeignHttpError, HttpError } from './http-error.js';

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string';
}

/** An http-errors error meant for the client (raw-body's decompression failures, for one). */
function isExposedClientError(error: unknown): error is { status: number; message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { expose, status } = error as { expose?: unknown; status?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

/** At most `max` characters of client input, for echoing it in a message. */
function clip(value: string, max = 120): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/**
 * Walks an error's `cause` chain (Drizzle wraps the driver's error) for a SQLSTATE or a
 * connection failure of node-postgres or ioredis.
 */
function dependencyFault(error: unknown): 'unreachable' | 'unstorable' | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      // 22021 / 22P05: a character PostgreSQL cannot store (U+0000) in text or jsonb.
      if (code === '22021' || code === '22P05') return 'unstorable';
      // Class 08: connection exception; 57P01-57P03: the server is shutting down or starting.
      if (/^08[0-9A-Z]{3}$|^57P0[123]$/.test(code)) return 'unreachable';
      if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/.test(code))
        return 'unreachable';
    }
    if (
      typeof message === 'string' &&
      /timeout exceeded when trying to connect|Connection terminated|connection error|Connection is closed|Stream isn't writeable|max retries per request/i.test(
        message,
      )
    ) {
      return 'unreachable';
    }
    current = cause;
  }
  return null;
}

function translate(error: unknown, req: Request): HttpError | null {
  if (error instanceof HttpError) return error;
  // The router could not decode a path parameter (`%zz`, `%ff`): the URL is malformed.
  if (error instanceof URIError) {
    return new HttpError(
      400,
      'INVALID_REQUEST',
      `The path ${clip(req.path)} is not valid: "%" must start a percent-encoded UTF-8 character such as %2F.`,
    );
  }
  if (!isBodyParserError(error)) {
    if (isExposedClientError(error)) {
      const encoding = req.headers['content-encoding'];
      return new HttpError(
        error.status,
        'INVALID_REQUEST',
        encoding
          ? `The body could not be decompressed as its Content-Encoding (${clip(encoding, 40)}) says: ${error.message}.`
          : `The request could not be read: ${error.message}.`,
      );
    }
    switch (dependencyFault(error)) {
      case 'unstorable':
        return new HttpError(
          400,
          'INVALID_REQUEST',
          'The request contains a character that cannot be stored (NUL, U+0000).',
        );
      case 'unreachable':
        return new HttpError(
          503,
          'SERVICE_UNAVAILABLE',
          'The database or the queue is not reachable right now. Try again in a few seconds.',
        );
      default:
        return null;
    }
  }
  switch (error.type) {
    case 'entity.too.large':
      return new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        (error.limit ?? 0) > MAX_SMALL_BODY_BYTES && req.is('application/json')
          ? `The request body is larger than ${error.limit ?? 'the limit'} bytes. Send less code or input.`
          : `The request body is larger than ${error.limit ?? 'the limit'} bytes, the most ${req.method} ${clip(req.path, 60)} takes.`,
      );
    case 'entity.parse.failed':
      return new HttpError(400, 'INVALID_JSON', `The body is not valid JSON: ${error.message}`);
    case 'encoding.unsupported':
      return new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'This Content-Encoding is not supported: send the body uncompressed, or as gzip, deflate or br.',
      );
    case 'charset.unsupported':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.');
    default:
      return new HttpError(error.status ?? 400, 'INVALID_REQUEST', error.message);
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof ForeignHttpError) {
      if (error.body === null) res.status(error.status).end();
      else res.status(error.status).json(error.body);
      return;
    }
    const known = translate(error, req);
    if (known === null)
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    else if (known.status >= 500 && !(error instanceof HttpError))
      logger.warn({ err: error, method: req.method, url: req.originalUrl }, 'request failed: dependency');
    const status = known?.status ?? 500;
    const body: ErrorBody = {
      error: {
        code: known?.code ?? 'INTERNAL',
        message: known?.message ?? 'Something went wrong on our side. Try again in a moment.',
        ...(known?.details ? { details: known.details } : {}),
      },
    };
    res.status(status).json(body);
  };
}

/** Unknown routes answer 404 in the same shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new HttpError(
      404,
      'NOT_FOUND',
      `There is no ${req.method} ${req.path}. See GET /openapi.json for the API.`,
    ),
  );
};

/** Write routes accept JSON only. */
/** The body must be of this media type (a file upload); read by the route's raw parser before this runs. */
export function requireMedia(type: string): RequestHandler {
  return (req, _res, next) => {
    if (req.is(type) && Buffer.isBuffer(req.body)) {
      next();
      return;
    }
    next(
      new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the body as "Content-Type: ${type}" (got ${req.headers['content-type'] ?? 'none'}).`,
      ),
    );
  };
}

export const requireJson: RequestHandler = (req, _res, next) => {
  if (req.is('application/json')) {
    next();
    return;
  }
  next(
    new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the body as JSON with "Content-Type: application/json" (got ${req.headers['content-type'] ?? 'none'}).`,
    ),
  );
};

/**
 * `verify` hook of the JSON body parser: JSON must be UTF-8 (RFC 8259), so another declared
 * charset is refused with 415, and bytes that are not valid UTF-8 with 400 instead of being
 * decoded with U+FFFD in their place, which would silently change the code or input sent.
 */
export function requireUtf8(_req: unknown, _res: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the body as UTF-8 JSON (got charset ${clip(encoding, 40)}).`,
    );
  }
  if (!isUtf8(body)) {
    throw new HttpError(
      400,
      'INVALID_JSON',
      'The body is not valid UTF-8. Send JSON encoded as UTF-8 (escape binary data, e.g. \\u0000).',
    );
  }
}
