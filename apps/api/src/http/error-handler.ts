/**
 * The one place errors become responses: `{error: {code, message}}` with the right status.
 * Body-parser failures (bad JSON, body too large) are translated; anything unexpected is
 * logged and answered 500 without internals.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '@arbiter/contracts';
import type { Logger } from '@arbiter/observability';
import { HttpError } from './http-error.js';

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string';
}

function translate(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (!isBodyParserError(error)) return null;
  switch (error.type) {
    case 'entity.too.large':
      return new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${error.limit ?? 'the limit'} bytes. Send less code or input.`,
      );
    case 'entity.parse.failed':
      return new HttpError(400, 'INVALID_JSON', `The body is not valid JSON: ${error.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.');
    default:
      return new HttpError(error.status ?? 400, 'INVALID_REQUEST', error.message);
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = translate(error);
    if (known === null)
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
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
