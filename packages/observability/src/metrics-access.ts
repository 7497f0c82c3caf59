/**
 * Who may read a `/metrics` endpoint (the API's and the worker's): with METRICS_TOKEN set, only a
 * request carrying `Authorization: Bearer <token>`; without one, anyone in development
 * (NODE_ENV=development, as `npm start` runs) and no one elsewhere, so a deployment that forgot the
 * token does not publish its numbers to whoever reaches the port.
 */
import { timingSafeEqual } from 'node:crypto';

export type MetricsAccess =
  | { mode: 'token'; token: string }
  /** Development without a token: anyone who reaches the port. */
  | { mode: 'open' }
  /** No token outside development: every scrape is refused. */
  | { mode: 'closed' };

/** The outcome of one scrape: served, refused for a missing or wrong token, or refused outright. */
export type MetricsDecision = 'allowed' | 'unauthenticated' | 'closed';

export interface MetricsAccessSettings {
  /** METRICS_TOKEN (undefined when unset or empty). */
  token: string | undefined;
  /** NODE_ENV. */
  nodeEnv: string;
}

export function metricsAccess(settings: MetricsAccessSettings): MetricsAccess {
  if (settings.token !== undefined) return { mode: 'token', token: settings.token };
  return settings.nodeEnv === 'development' ? { mode: 'open' } : { mode: 'closed' };
}

/** Whether a scrape with this `Authorization` header may read the metrics (token compared in constant time). */
export function decideMetricsAccess(
  access: MetricsAccess,
  authorization: string | undefined,
): MetricsDecision {
  if (access.mode === 'open') return 'allowed';
  if (access.mode === 'closed') return 'closed';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (match?.[1] === undefined) return 'unauthenticated';
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(access.token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'unauthenticated';
}

/** The refusal for a scrape, by decision: what the client is told to do. */
export const METRICS_REFUSALS: Record<Exclude<MetricsDecision, 'allowed'>, string> = {
  unauthenticated: 'Send the metrics token: Authorization: Bearer <token>.',
  closed:
    'Metrics are off: this server has no METRICS_TOKEN, which is required unless NODE_ENV=development. ' +
    'Set METRICS_TOKEN (at least 16 characters) and scrape with Authorization: Bearer <token>.',
};

/** The start-up line that says who may read `/metrics` at `where` (e.g. `GET /metrics on :4000`). */
export function describeMetricsAccess(
  access: MetricsAccess,
  where: string,
): { level: 'info' | 'warn'; message: string } {
  switch (access.mode) {
    case 'token':
      return { level: 'info', message: `${where} needs Authorization: Bearer <METRICS_TOKEN>` };
    case 'open':
      return {
        level: 'warn',
        message: `${where} is open to anyone who reaches it (NODE_ENV=development and no METRICS_TOKEN)`,
      };
    case 'closed':
      return {
        level: 'warn',
        message: `${where} refuses every scrape: set METRICS_TOKEN (at least 16 characters) to read it with Authorization: Bearer <token>`,
      };
  }
}
