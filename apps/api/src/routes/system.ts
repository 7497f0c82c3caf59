/** `GET /languages`, `GET /health` (the process is up) and `GET /ready` (its dependencies answer). */
import { LISTED_LANGUAGE_IDS } from '@arbiter/contracts';
import { PUBLIC } from '../auth/access.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { LanguageList, healthSchema, readinessSchema } from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

export function systemRoutes(resources: ApiResources): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/languages',
      tag: 'Judging',
      summary: 'Languages the live workers can run',
      description: 'With toolchain versions; empty while no worker is alive.',
      access: PUBLIC,
      responses: { 200: { description: 'The languages.', body: LanguageList } },
      handle: async (_input, _req, res) => {
        // Unlisted languages (Judge0's multi-file program) are offered through their own API only.
        const languages = await resources.registry.languages();
        res.json(languages.filter((language) => LISTED_LANGUAGE_IDS.includes(language.id)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/health',
      tag: 'Operations',
      summary: 'Liveness: the process is up',
      access: PUBLIC,
      responses: { 200: { description: 'Up.', body: healthSchema } },
      handle: (_input, _req, res) => {
        res.json({ status: 'ok' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/ready',
      tag: 'Operations',
      summary: 'Readiness: Redis and the database answer',
      access: PUBLIC,
      responses: {
        200: { description: 'Ready.', body: readinessSchema },
        503: { description: 'A dependency does not answer.', body: readinessSchema },
      },
      handle: async (_input, _req, res) => {
        const answers = (check: Promise<unknown>) =>
          check.then(() => 'ok' as const).catch(() => 'unreachable' as const);
        const [redis, database] = await Promise.all([
          answers(resources.redis.ping()),
          answers(resources.db.ping()),
        ]);
        const ready = redis === 'ok' && database === 'ok';
        res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', redis, database });
      },
    }),
  ];
}
