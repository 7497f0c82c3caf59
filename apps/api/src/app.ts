/** The Express application: middleware, routes and the one error path. */
import cors from 'cors';
import express, { type Express } from 'express';
import { MAX_BODY_BYTES } from '@arbiter/contracts';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import type { ApiResources } from './resources.js';
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
  app.use(express.json({ limit: MAX_BODY_BYTES, strict: true }));
  app.use(systemRoutes(resources));
  app.use(submissionRoutes(resources));
  app.use(notFoundHandler);
  app.use(errorHandler(resources.logger));
  return app;
}
