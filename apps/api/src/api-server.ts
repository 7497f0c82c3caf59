/**
 * Starts one API instance from its configuration: Redis connections, the queue, the HTTP
 * server with Socket.IO, and the listener that refreshes queue positions when jobs start.
 * `close()` stops it gracefully.
 */
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import { describeMetricsAccess, metricsAccess, type Logger } from '@arbiter/observability';
import {
  JobEventLog,
  JobStdin,
  PackageBlobs,
  JobStore,
  WorkerRegistry,
  createKeys,
  createRedis,
  createResultsQueue,
  createSubmissionQueue,
} from '@arbiter/queue';
import { CATALOG_ROOT, loadCatalog } from '@arbiter/problems';
import { createApp } from './app.js';
import { limitPolicy } from './limit-policy.js';
import { warmUpPasswords } from './auth/passwords.js';
import { startSessionSweeper } from './auth/session-sweeper.js';
import { openApiDatabase } from './database.js';
import { createApiMetrics } from './metrics/api-metrics.js';
import { startResultPersister, type ResultPersister } from './persistence/result-persister.js';
import { drainLegacyResults, type LegacyResultsDrain } from './persistence/legacy-results-drain.js';
import { startReconciler, type Reconciler } from './persistence/reconciler.js';
import type { ApiEnv } from './env.js';
import type { ApiResources } from './resources.js';
import { JobRelay } from './socket/job-relay.js';
import { createSocketServer } from './socket/socket-server.js';
import { userOfHeaders } from './auth/session.js';
import { findJob } from './submissions/job-access.js';
import { JobWatcher } from './submissions/job-watcher.js';
import { ScoreboardPush } from './contests/scoreboard-push.js';
import { ProgressPush } from './classes/progress-push.js';
import { ChangeFanout } from './socket/change-fanout.js';
import { judge0Settings } from './compat/judge0/judge0-service.js';
import { attachPistonConnect } from './compat/piston/piston-connect.js';
import { createRateLimiters } from './http/rate-limit.js';
import type { TrustProxy } from './http/client-address.js';

export interface ApiServer {
  httpServer: Server;
  /** The Express app (tests list its routes). */
  app: Express;
  /** The port it listens on (useful with PORT=0). */
  port: number;
  relay: JobRelay;
  /** Settles unfinished submissions against the queue (see persistence/reconciler.ts). */
  reconciler: Reconciler;
  /** Saves the results stream's entries to the database (see persistence/result-persister.ts). */
  persister: ResultPersister;
  /** The one drain of the old `results` queue (see persistence/legacy-results-drain.ts). */
  legacyDrain: LegacyResultsDrain;
  close(graceMs?: number): Promise<void>;
  /** The shutdown step `close()` is waiting on now (null when not closing, or done): says where a slow shutdown hangs. */
  closingStep(): string | null;
}

export async function startApiServer(env: ApiEnv, logger: Logger): Promise<ApiServer> {
  const redis = createRedis(env.REDIS_URL, { name: 'api', failFast: true });
  const subscriber = createRedis(env.REDIS_URL, { name: 'api-subscriber' });
  const catalog = await loadCatalog(env.PROBLEMS_DIR ?? CATALOG_ROOT);
  logger.info({ problems: catalog.size }, 'problems loaded');
  const db = await openApiDatabase(env, logger);
  logger.info({ database: db.kind }, 'database ready');
  await Promise.all([waitReady(redis), waitReady(subscriber)]);
  const keys = createKeys(env.REDIS_PREFIX);
  const resources: ApiResources = {
    logger,
    redis,
    subscriber,
    prefix: env.REDIS_PREFIX,
    queue: createSubmissionQueue({
      connection: redis,
      prefix: env.REDIS_PREFIX,
      attempts: env.JOB_ATTEMPTS,
      keepSeconds: env.QUEUE_KEEP_SECONDS,
    }),
    store: new JobStore({ redis, keys, ttlSeconds: env.RESULT_TTL_SECONDS }),
    events: new JobEventLog({
      redis,
      keys,
      maxLength: env.EVENTS_MAX_LENGTH,
      ttlSeconds: env.EVENTS_TTL_SECONDS,
    }),
    registry: new WorkerRegistry(redis, keys),
    stdin: new JobStdin({ redis, keys, ttlSeconds: env.EVENTS_TTL_SECONDS }),
    packages: new PackageBlobs({ redis, keys }),
    packageUploadBytes: env.PACKAGE_UPLOAD_MAX_MB * 1024 * 1024,
    db,
    catalog,
    limits: limitPolicy(env),
    auth: { ttlMs: Math.round(env.SESSION_TTL_HOURS * 3_600_000), secureCookie: env.COOKIE_SECURE },
    rateLimits: {
      submitPerMinuteUser: env.SUBMIT_RATE_PER_MINUTE_USER,
      submitPerMinuteIp: env.SUBMIT_RATE_PER_MINUTE_IP,
      authPerMinuteIp: env.AUTH_RATE_PER_MINUTE_IP,
      signupPerHourIp: env.SIGNUP_RATE_PER_HOUR_IP,
      loginFailuresPerHourIp: env.LOGIN_FAILURES_PER_HOUR_IP,
      loginFailuresPerHourUserIp: env.LOGIN_FAILURES_PER_HOUR_USER_IP,
      loginFailuresPerHourUser: env.LOGIN_FAILURES_PER_HOUR_USER,
    },
    metrics: createApiMetrics({ redis, prefix: env.REDIS_PREFIX, logger }),
  };
  await warmUpPasswords();
  const sessionSweeper = startSessionSweeper(db, logger);

  const relay = new JobRelay({ ...resources, subscriber });

  const persisterConnection = createRedis(env.REDIS_URL, { name: 'api-persister' });
  const persister = startResultPersister(resources, persisterConnection, {
    claimIdleMs: env.RESULTS_CLAIM_IDLE_MS,
    retryMs: env.RESULTS_RETRY_MS,
  });
  const reconciler = startReconciler(resources, {
    intervalMs: env.RECONCILE_INTERVAL_MS,
    afterMs: env.RECONCILE_AFTER_MS,
  });

  // For the admins' queue dashboard, which shows both queues, and the one drain of what an older
  // deployment left in the `results` queue.
  const resultsQueue = createResultsQueue(redis, env.REDIS_PREFIX);
  const legacyDrain = drainLegacyResults(resources, resultsQueue, persisterConnection);
  // A queue without an 'error' listener would crash the process on a Redis hiccup.
  for (const queue of [resources.queue, resultsQueue]) {
    queue.on('error', (err) => logger.warn({ err, queue: queue.name }, 'queue connection error'));
  }
  const metricsAccessOf = metricsAccess({ token: env.METRICS_TOKEN, nodeEnv: env.NODE_ENV });
  const watcher = new JobWatcher(resources);
  const app = createApp(resources, {
    watcher,
    callbacks: {
      tries: env.CALLBACK_MAX_TRIES,
      timeoutMs: env.CALLBACK_TIMEOUT_MS,
      allowedHosts: env.CALLBACK_ALLOWED_HOSTS,
    },
    judge0: judge0Settings(env),
    pistonPrefix: env.PISTON_PREFIX,
    origins: env.WEB_ORIGIN,
    trustProxy: env.TRUST_PROXY,
    metricsAccess: metricsAccessOf,
    adminQueues: [resources.queue, resultsQueue],
  });
  const httpServer = createServer(app);
  // Longer than the idle timeouts of common load balancers and HTTP clients, so a client
  // never sends a request on a connection the server is closing.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const io = createSocketServer(httpServer, {
    origins: env.WEB_ORIGIN,
    relay,
    logger,
    userOf: (headers) => userOfHeaders(resources, headers),
    findJob: (jobId) => findJob(resources, jobId),
    interactive: {
      resources,
      limits: createRateLimiters(resources, resources.rateLimits),
      trust: app.get('trust proxy fn') as TrustProxy,
    },
  });
  resources.metrics.countSocketsWith(() => io.of('/').sockets.size);
  // Contest boards and class matrices: changes announced on Redis, pushed by each instance to its own viewers.
  const fanout = new ChangeFanout(subscriber, logger);
  const scoreboards = new ScoreboardPush(resources, io, fanout);
  scoreboards.start();
  new ProgressPush(resources, io, fanout).start();
  await fanout.start();
  // Piston's WebSocket shares the HTTP server with Socket.IO: each takes the upgrades of its own path.
  const pistonConnect = env.PISTON_PREFIX
    ? attachPistonConnect(httpServer, {
        resources,
        watcher,
        limits: createRateLimiters(resources, resources.rateLimits),
        prefix: env.PISTON_PREFIX,
        trust: app.get('trust proxy fn') as TrustProxy,
      })
    : null;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const metricsNote = describeMetricsAccess(metricsAccessOf, `GET /metrics on :${port}`);
  logger[metricsNote.level](metricsNote.message);
  logger.info({ port, prefix: env.REDIS_PREFIX }, 'api listening');

  let closingStep: string | null = null;
  return {
    httpServer,
    app,
    port,
    relay,
    reconciler,
    persister,
    legacyDrain,
    closingStep: () => closingStep,
    async close(graceMs = env.SHUTDOWN_GRACE_MS) {
      // Stop accepting, let in-flight requests end, then cut what is left.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      pistonConnect?.close();
      fanout.close();
      scoreboards.close();
      closingStep = 'socket.io';
      await io.close().catch(() => undefined);
      httpServer.closeIdleConnections();
      const timer = setTimeout(() => httpServer.closeAllConnections(), graceMs);
      // Each step is timed: a slow one is named in the log, so a shutdown that hangs says where.
      const step = async (what: string, run: () => Promise<unknown>) => {
        const started = Date.now();
        closingStep = what;
        await run();
        closingStep = null;
        const ms = Date.now() - started;
        if (ms > 2_000) logger.warn({ step: what, ms }, 'slow shutdown step');
      };
      await step('http', () => closed);
      clearTimeout(timer);
      await step('relay', () => relay.close());
      await step('watcher', () => watcher.close());
      await step('reconciler', () => reconciler.stop());
      await step('persister', () => persister.close());
      await step('old results queue', () => legacyDrain.close());
      await step('queue', () => resources.queue.close());
      await step('results queue', () => resultsQueue.close());
      await step('redis', () =>
        Promise.all(
          [redis.quit(), subscriber.quit(), persisterConnection.quit()].map((p) => p.catch(() => undefined)),
        ),
      );
      sessionSweeper.stop();
      await step('database', () => db.close());
      logger.info('api stopped');
    },
  };
}

function waitReady(redis: ReturnType<typeof createRedis>): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}
