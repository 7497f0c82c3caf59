/** The Express application: middleware, routes and the one error path. */
import cors from 'cors';
import express, { type Express } from 'express';
import { MAX_BODY_BYTES } from '@arbiter/contracts';
import { sessionMiddleware } from './auth/session.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { originCheck } from './http/origin-check.js';
import { createRateLimiters } from './http/rate-limit.js';
import type { ApiResources } from './resources.js';
import { authRoutes } from './routes/auth.js';
import { historyRoutes } from './routes/history.js';
import { problemRoutes } from './routes/problems.js';
import { submissionRoutes } from './routes/submissions.js';
import { systemRoutes } from './routes/system.js';

export interface AppOptions {
  /** Origins allowed by CORS. */
  origins: string[];
}

export function createApp(resources: ApiResources, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, uniquelocal');
  app.use(cors({ origin: options.origins, credentials: true }));
  // Before the body is even read: a cross-site write is refused outright.
  app.use(originCheck({ origins: options.origins }));
  app.use(express.json({ limit: MAX_BODY_BYTES, strict: true }));
  // Health checks need no session, so a database hiccup cannot fail them.
  app.use(systemRoutes(resources));
  app.use(sessionMiddleware(resources));
  const limits = createRateLimiters(resources, resources.rateLimits);
  app.use(authRoutes(resources, limits));
  app.post('/submit', limits.submit);
  app.use(submissionRoutes(resources));
  app.use(problemRoutes(resources));
  app.use(historyRoutes(resources));
  app.use(notFoundHandler);
  app.use(errorHandler(resources.logger));
  return app;
}
