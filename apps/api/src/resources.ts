/** What the API's modules are handed instead of importing singletons. */
import type { LimitPolicy } from '@arbiter/contracts';
import type { Database } from '@arbiter/db';
import type { Catalog } from '@arbiter/problems';
import type { Logger } from '@arbiter/observability';
import type {
  JobEventLog,
  JobStdin,
  JobStore,
  PackageBlobs,
  Redis,
  SubmissionQueue,
  WorkerRegistry,
} from '@arbiter/queue';
import type { SessionSettings } from './auth/session.js';
import type { RateLimitSettings } from './http/rate-limit.js';
import type { ApiMetrics } from './metrics/api-metrics.js';

export interface ApiResources {
  logger: Logger;
  /** Commands; fails fast while Redis is away so requests answer 503 instead of hanging. */
  redis: Redis;
  /** Pub/sub subscriber for job event announcements. */
  subscriber: Redis;
  prefix: string;
  queue: SubmissionQueue;
  store: JobStore;
  events: JobEventLog;
  /** Interactive jobs' input streams (live stdin). */
  stdin: JobStdin;
  registry: WorkerRegistry;
  /** Imported problem packages in Redis, by hash, for the workers (see PackageBlobs). */
  packages: PackageBlobs;
  /** Largest package zip an admin may upload, in bytes (PACKAGE_UPLOAD_MAX_MB). */
  packageUploadBytes: number;
  limits: LimitPolicy;
  /** The problems, loaded at start. */
  catalog: Catalog;
  /** Users, sessions, submissions and statistics (PostgreSQL or PGlite). */
  db: Database;
  /** Session lifetime and cookie flags. */
  auth: SessionSettings;
  /** Requests per minute allowed on submit and sign-in routes. */
  rateLimits: RateLimitSettings;
  /** This instance's Prometheus metrics (`GET /metrics`). */
  metrics: ApiMetrics;
}
