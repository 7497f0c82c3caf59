/**
 * `GET /metrics`: this instance's Prometheus metrics in the text format. An operations endpoint:
 * no session; with METRICS_TOKEN set, only for `Authorization: Bearer <token>` (401 otherwise);
 * without one, open in development and refused (403) everywhere else.
 */
import type { ErrorBody } from '@arbiter/contracts';
import { METRICS_REFUSALS, decideMetricsAccess, type MetricsAccess } from '@arbiter/observability';
import { METRICS } from '../auth/access.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import type { ApiMetrics } from '../metrics/api-metrics.js';

export function metricsRoutes(metrics: ApiMetrics, access: MetricsAccess): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/metrics',
      tag: 'Operations',
      summary: "This instance's Prometheus metrics",
      description:
        'With `METRICS_TOKEN` set, only for `Authorization: Bearer <token>`. Without it, open when ' +
        '`NODE_ENV=development` and refused (403) otherwise.',
      access: METRICS,
      responses: {
        200: {
          description: 'The Prometheus text format.',
          media: { type: 'text/plain', schema: { type: 'string' } },
        },
        401: {
          description: '`METRICS_TOKEN` is set and the request does not carry it.',
          errors: ['UNAUTHENTICATED'],
          headers: {
            'WWW-Authenticate': { description: '`Bearer realm="metrics"`', schema: { type: 'string' } },
          },
        },
        403: {
          description: 'No `METRICS_TOKEN` is set and `NODE_ENV` is not `development`: metrics are off.',
          errors: ['FORBIDDEN'],
        },
      },
      handle: async (_input, req, res) => {
        const decision = decideMetricsAccess(access, req.get('authorization'));
        if (decision === 'unauthenticated') {
          const body: ErrorBody = {
            error: { code: 'UNAUTHENTICATED', message: METRICS_REFUSALS.unauthenticated },
          };
          res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json(body);
          return;
        }
        if (decision === 'closed') {
          const body: ErrorBody = { error: { code: 'FORBIDDEN', message: METRICS_REFUSALS.closed } };
          res.status(403).json(body);
          return;
        }
        const text = await metrics.registry.metrics();
        res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(text);
      },
    }),
  ];
}
