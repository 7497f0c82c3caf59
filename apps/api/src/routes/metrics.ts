/**
 * `GET /metrics`: this instance's Prometheus metrics in the text format. An operations endpoint:
 * no session; with METRICS_TOKEN set, only for `Authorization: Bearer <token>` (401 otherwise);
 * without one, open in development and refused (403) everywhere else.
 */
import { Router } from 'express';
import type { ErrorBody } from '@arbiter/contracts';
import { METRICS_REFUSALS, decideMetricsAccess, type MetricsAccess } from '@arbiter/observability';
import type { ApiMetrics } from '../metrics/api-metrics.js';

export function metricsRoutes(metrics: ApiMetrics, access: MetricsAccess): Router {
  const router = Router();

  router.get('/metrics', async (req, res) => {
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
  });

  return router;
}
