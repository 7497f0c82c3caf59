/** What the worker's modules are handed instead of importing singletons. */
import type { Logger } from '@arbiter/observability';
import type { JobEventLog, JobStdin, JobStore, ResultsStream, WorkerRegistry } from '@arbiter/queue';
import type { Sandbox } from '@arbiter/sandbox';
import type { LanguageInfo } from '@arbiter/contracts';
import type { CompileContext } from '@arbiter/judge';
import type { Catalog } from '@arbiter/problems';
import type { PackageCache } from './package-cache.js';
import type { WorkerMetrics } from './worker-metrics.js';

export interface WorkerResources {
  /** This worker's name in logs, records and the live-worker registry. */
  workerId: string;
  logger: Logger;
  store: JobStore;
  events: JobEventLog;
  /** Interactive jobs' input streams (live stdin). */
  stdin: JobStdin;
  registry: WorkerRegistry;
  /** Where finished jobs are handed to the API for the database. */
  results: ResultsStream;
  sandbox: Sandbox;
  /** Toolchains found on this host. */
  languages: LanguageInfo[];
  /** The problems, loaded at start. */
  catalog: Catalog;
  /** Imported problem packages by hash (fetched from Redis, cached on disk). */
  packages: PackageCache;
  /** Compile cache and toolchain versions, shared by every job of this worker. */
  compile: CompileContext;
  /** This worker's Prometheus metrics (METRICS_PORT). */
  metrics: WorkerMetrics;
}
