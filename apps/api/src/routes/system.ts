/** `GET /languages`, `GET /health` (the process is up) and `GET /ready` (its dependencies answer). */
import { Router } from 'express';
import type { ApiResources } from '../resources.js';

export function systemRoutes(resources: ApiResources): Router {
  const router = Router();

  router.get('/languages', async (_req, res) => {
    res.json(await resources.registry.languages());
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    const answers = (check: Promise<unknown>) =>
      check.then(() => 'ok' as const).catch(() => 'unreachable' as const);
    const [redis, database] = await Promise.all([
      answers(resources.redis.ping()),
      answers(resources.db.ping()),
    ]);
    const ready = redis === 'ok' && database === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', redis, database });
  });

  return router;
}
