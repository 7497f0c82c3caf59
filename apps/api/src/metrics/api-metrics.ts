/**
 * The API's Prometheus metrics, in a registry of this instance's own: HTTP latency by route
 * pattern, submissions accepted, Socket.IO clients, the submissions queue read at scrape time
 * (jobs per state, age of the oldest waiting job), and jobs written to the database with their
 * queue wait. Process metrics (memory, CPU, event loop lag) come with the registry.
 */
import type { Request, RequestHandler } from 'express';
import { languageIdSchema, submissionModeSchema, type JobResult } from '@arbiter/contracts';
import {
  Counter,
  DURATION_BUCKETS_SECONDS,
  Gauge,
  Histogram,
  createMetricsRegistry,
  type Logger,
  type Registry,
} from '@arbiter/observability';
import { QUEUE_STATES, readQueueDepth, type QueueDepth, type Redis } from '@arbiter/queue';

export interface ApiMetricsOptions {
  /** Commands connection (fail-fast), for the queue read at scrape time. */
  redis: Redis;
  /** REDIS_PREFIX. */
  prefix: string;
  logger: Logger;
}

export interface ApiMetrics {
  registry: Registry;
  /** Times every request by method, route pattern and status code; counts accepted submissions. */
  httpMiddleware: RequestHandler;
  /** Counts a job whose final result was just written to the database, and observes its queue wait. */
  jobFinished(record: JobResult): void;
  /** Where the number of connected Socket.IO clients is read from (once the server exists). */
  countSocketsWith(count: () => number): void;
}

/** Route label of requests no route matched (raw paths would make a label per URL). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Queue waits run from milliseconds (idle workers) to minutes (a backlog). */
const QUEUE_WAIT_BUCKETS_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export function createApiMetrics(options: ApiMetricsOptions): ApiMetrics {
  const { redis, prefix, logger } = options;
  const registry = createMetricsRegistry({ app: 'api' });
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'arbiter_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, until the response is sent.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [...DURATION_BUCKETS_SECONDS],
    registers,
  });
  const accepted = new Counter({
    name: 'arbiter_submissions_accepted_total',
    help: 'Submissions accepted by POST /submit (answered 202), by language and mode.',
    labelNames: ['language', 'mode'] as const,
    registers,
  });
  const finished = new Counter({
    name: 'arbiter_jobs_finished_total',
    help: 'Finished jobs written to the database by this instance, by language, mode, status and verdict.',
    labelNames: ['language', 'mode', 'status', 'verdict'] as const,
    registers,
  });
  const queueWait = new Histogram({
    name: 'arbiter_queue_wait_seconds',
    help: 'Time from acceptance to a worker starting the job (last attempt), of jobs written to the database.',
    labelNames: ['mode'] as const,
    buckets: QUEUE_WAIT_BUCKETS_SECONDS,
    registers,
  });

  let countSockets: () => number = () => 0;
  new Gauge({
    name: 'arbiter_socketio_connected_clients',
    help: 'Socket.IO clients connected to this instance.',
    registers,
    collect() {
      this.set(countSockets());
    },
  });

  // Both queue gauges are filled from one read per scrape (the registry collects them together).
  let reading: Promise<QueueDepth | null> | null = null;
  const readOnce = (): Promise<QueueDepth | null> => {
    reading ??= readQueueDepth(redis, prefix)
      .catch((err: unknown) => {
        logger.warn({ err }, 'could not read the queue for /metrics');
        return null;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  const queueJobs = new Gauge({
    name: 'arbiter_queue_jobs',
    help: 'Jobs in the submissions queue by BullMQ state: wait (runs), prioritized (submits, rejudges), active, delayed (retry back-off). Read at scrape time; the same for every API instance.',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const depth = await readOnce();
      queueJobs.reset();
      if (depth === null) return;
      for (const state of QUEUE_STATES) queueJobs.set({ state }, depth.jobs[state]);
    },
  });
  const oldestWaiting = new Gauge({
    name: 'arbiter_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting for a worker (wait or prioritized), 0 when none waits. Read at scrape time.',
    registers,
    async collect() {
      const depth = await readOnce();
      oldestWaiting.reset();
      if (depth === null) return;
      const age = depth.oldestWaitingAt === null ? 0 : (Date.now() - depth.oldestWaitingAt) / 1000;
      oldestWaiting.set(Math.max(0, age));
    },
  });

  const httpMiddleware: RequestHandler = (req, res, next) => {
    const stop = httpDuration.startTimer();
    res.once('finish', () => {
      const route = routeOf(req);
      stop({ method: req.method, route, status_code: String(res.statusCode) });
      if (req.method === 'POST' && route === '/submit' && res.statusCode === 202) {
        countAccepted(req.body);
      }
    });
    next();
  };

  // A 202 means the body passed `submitRequestSchema` and the language check; parsing again
  // keeps the label values to the known languages and modes whatever happens upstream.
  const countAccepted = (body: unknown) => {
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const language = languageIdSchema.safeParse(fields.language);
    const mode = submissionModeSchema.safeParse(fields.mode ?? 'run');
    if (language.success && mode.success) accepted.inc({ language: language.data, mode: mode.data });
  };

  return {
    registry,
    httpMiddleware,
    jobFinished(record) {
      finished.inc({
        language: record.language,
        mode: record.mode,
        status: record.status,
        verdict: record.verdict ?? 'none',
      });
      if (record.startedAt !== null) {
        const waitMs = Date.parse(record.startedAt) - Date.parse(record.createdAt);
        if (Number.isFinite(waitMs)) queueWait.observe({ mode: record.mode }, Math.max(0, waitMs) / 1000);
      }
    },
    countSocketsWith(count) {
      countSockets = count;
    },
  };
}

/** The matched route's pattern (`/status/:jobId`), never the raw path. */
function routeOf(req: Request): string {
  const route: unknown = req.route;
  if (typeof route !== 'object' || route === null || !('path' in route)) return UNMATCHED_ROUTE;
  const path = route.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : UNMATCHED_ROUTE;
}
