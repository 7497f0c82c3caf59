/**
 * `GET /metrics`: this instance's Prometheus metrics in the text format. An operations endpoint:
 * no session; with METRICS_TOKEN set, only for `Authorization: Bearer <token>` (401 otherwise).
 */
import { Router } from 'express';
import type { ErrorBody } from '@arbiter/contracts';
import { metricsAuthorized } from '@arbiter/observability';
import type { ApiMetrics } from '../metrics/api-metrics.js';

export interface MetricsRouteOptions {
  /** METRICS_TOKEN; undefined: anyone who reaches the API may scrape. */
  token: string | undefined;
}

export function metricsRoutes(metrics: ApiMetrics, options: MetricsRouteOptions): Router {
  const router = Router();

  router.get('/metrics', async (req, res) => {
    if (!metricsAuthorized(req.get('authorization'), options.token)) {
      const body: ErrorBody = {
        error: { code: 'UNAUTHENTICATED', message: 'Send the metrics token: Authorization: Bearer <token>.' },
      };
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json(body);
      return;
    }
    const text = await metrics.registry.metrics();
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(text);
  });

  return router;
}
