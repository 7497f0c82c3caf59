/** The Express application: middleware, routes and the one error path. */
import cors from 'cors';
import express, { type Express } from 'express';
import type { Queue } from 'bullmq';
import type { MetricsAccess } from '@arbiter/observability';
import { MAX_SMALL_BODY_BYTES } from '@arbiter/contracts';
import { sessionMiddleware } from './auth/session.js';
import { errorHandler, notFoundHandler, requireUtf8 } from './http/error-handler.js';
import { originCheck } from './http/origin-check.js';
import { requestId } from './http/request-id.js';
import { createRateLimiters } from './http/rate-limit.js';
import type { ApiResources } from './resources.js';
import { routerOf, type RouteSpec } from './http/route.js';
import { judge0Routes } from './compat/judge0/judge0-routes.js';
import { Judge0Service, type Judge0Settings } from './compat/judge0/judge0-service.js';
import { pistonRoutes } from './compat/piston/piston-routes.js';
import type { JobWatcher } from './submissions/job-watcher.js';
import type { CallbackPolicy } from './http/outbound/deliver-callback.js';
import { adminRoutes, mountQueueDashboard } from './routes/admin.js';
import { adminSubmissionRoutes } from './routes/admin-submissions.js';
import { adminUserRoutes } from './routes/admin-users.js';
import { authRoutes } from './routes/auth.js';
import { classRoutes } from './routes/classes.js';
import { contestRoutes } from './routes/contests.js';
import { historyRoutes } from './routes/history.js';
import { apiTokenRoutes } from './routes/api-tokens.js';
import { settingsRoutes } from './routes/settings.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { problemRoutes } from './routes/problems.js';
import { problemPackageRoutes } from './routes/problem-packages.js';
import { similarityRoutes } from './routes/similarity.js';
import { profileRoutes } from './routes/profiles.js';
import { rejudgeRoutes } from './routes/rejudge.js';
import { submissionRoutes } from './routes/submissions.js';
import { systemRoutes } from './routes/system.js';

export interface AppOptions {
  /** Origins allowed by CORS. */
  origins: string[];
  /** TRUST_PROXY: the proxies whose `X-Forwarded-*` headers are believed (none: empty). */
  trustProxy: string[];
  /** Who may read `GET /metrics` (from METRICS_TOKEN and NODE_ENV). */
  metricsAccess: MetricsAccess;
  /** Queues the admins' queue dashboard shows (default: the submissions queue). */
  adminQueues?: Queue[];
  /** The Judge0-compatible API (docs/COMPAT.md); absent: not served. */
  judge0?: Judge0Settings | null;
  /** Where the Piston-compatible API is served (docs/COMPAT.md); null or absent: not served. */
  pistonPrefix?: string | null;
  /** Waits for jobs to finish (Judge0's `wait=true`, callbacks); needed by the compatible APIs. */
  watcher?: JobWatcher;
  /** How result callbacks are sent (`callbackUrl` of `POST /submit`; needs `watcher`); absent: refused. */
  callbacks?: CallbackPolicy;
}

export function createApp(resources: ApiResources, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestId());
  // req.ip (rate limits) and req.protocol/req.host (the Origin check) believe these proxies only.
  app.set('trust proxy', options.trustProxy.length > 0 ? options.trustProxy : false);
  // First, so every request is timed, whatever answers it.
  app.use(resources.metrics.httpMiddleware);
  app.use(cors({ origin: options.origins, credentials: true }));
  // Before the body is even read: a cross-site write is refused outright.
  app.use(originCheck({ origins: options.origins }));
  const limits = createRateLimiters(resources, resources.rateLimits);
  // Every route the app serves, in order; the OpenAPI document describes this list. Health checks,
  // metrics and the document come before the session middleware, so a database hiccup cannot fail them.
  const open: RouteSpec[] = [
    ...systemRoutes(resources),
    ...metricsRoutes(resources.metrics, options.metricsAccess),
    ...openApiRoutes(() => served),
  ];
  const withSession: RouteSpec[] = [
    ...authRoutes(resources, limits),
    ...submissionRoutes(
      resources,
      limits,
      options.watcher && options.callbacks ? { watcher: options.watcher, policy: options.callbacks } : null,
    ),
    ...problemRoutes(resources),
    ...historyRoutes(resources),
    ...profileRoutes(resources),
    ...settingsRoutes(resources),
    ...apiTokenRoutes(resources),
    ...rejudgeRoutes(resources),
    ...contestRoutes(resources),
    ...classRoutes(resources),
    ...(options.judge0 && options.watcher
      ? judge0Routes(resources, new Judge0Service(resources, options.watcher, options.judge0), limits)
      : []),
    ...(options.pistonPrefix && options.watcher
      ? pistonRoutes(resources, options.watcher, options.pistonPrefix, limits)
      : []),
    ...adminRoutes(resources),
    ...adminSubmissionRoutes(resources),
    ...adminUserRoutes(resources),
    ...problemPackageRoutes(resources),
    ...similarityRoutes(resources),
  ];
  const served = [...open, ...withSession];
  // Only the routes that take code and input read big bodies (their `bodyLimit`); every other body
  // is refused over MAX_SMALL_BODY_BYTES before it is parsed. The first parser to read a body wins.
  for (const route of served) {
    if (route.rawBody !== undefined)
      app[route.method](route.path, express.raw({ type: route.rawBody.type, limit: route.rawBody.limit }));
    if (route.bodyLimit !== undefined)
      app[route.method](
        route.path,
        express.json({ limit: route.bodyLimit, strict: true, verify: requireUtf8 }),
      );
  }
  app.use(express.json({ limit: MAX_SMALL_BODY_BYTES, strict: true, verify: requireUtf8 }));
  app.use(routerOf(open));
  // Judge0 clients send their token in Judge0's own header: a personal access token there signs in too.
  app.use(sessionMiddleware(resources, options.judge0 ? [options.judge0.authn.header] : []));
  app.use(routerOf(withSession));
  mountQueueDashboard(app, resources, { queues: options.adminQueues });
  app.use(notFoundHandler);
  app.use(errorHandler(resources.logger));
  return app;
}
