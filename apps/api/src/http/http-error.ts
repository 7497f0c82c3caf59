/** Errors that become HTTP answers: a status, a code from the contract and a message a person can act on. */
import type { ErrorCode } from '@arbiter/contracts';

export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new HttpError(404, 'NOT_FOUND', message);
export const unavailable = (message: string) => new HttpError(503, 'SERVICE_UNAVAILABLE', message);

/** An answer in another API's own error format (the Judge0 and Piston APIs): `body` is sent as it is; null: no body. */
export class ForeignHttpError extends HttpError {
  override name = 'ForeignHttpError';

  constructor(
    status: number,
    readonly body: unknown,
  ) {
    super(
      status,
      'INVALID_REQUEST',
      typeof body === 'object' && body !== null ? JSON.stringify(body) : `HTTP ${status}`,
    );
  }
}
