/**
 * Builds a worker from its configuration: sandbox (checked, or the start is refused),
 * toolchains, Redis and the queue consumer. Used by `main.ts` and by tests.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CompileCache,
  buildClassArchive,
  buildPrecompiledHeader,
  classArchiveLanguages,
  classArchivePath,
  javaVersion,
  compileStepLimits,
  detectToolchains,
  judgeReadOnlyPaths,
  dolosPackageDirs,
  precompiledHeaderDir,
  SelfTestCache,
  selfTestLanguages,
  aptInstallLine,
  LANGUAGES,
  type CompileContext,
  type LanguageRecipe,
} from '@arbiter/judge';
import type { LanguageId, LanguageInfo } from '@arbiter/contracts';
import { metricsAccess, type Logger } from '@arbiter/observability';
import { CATALOG_ROOT, loadCatalog } from '@arbiter/problems';
import {
  JobEventLog,
  JobStore,
  WorkerRegistry,
  createKeys,
  JobStdin,
  PackageBlobs,
  createRedis,
  ResultsStream,
} from '@arbiter/queue';
import type { Sandbox } from '@arbiter/sandbox';
import type { WorkerEnv } from './env.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';
import { PackageCache } from './package-cache.js';
import { setUpSandbox } from './sandbox-setup.js';
import { createWorkerMetrics } from './worker-metrics.js';
import { startWorkerService, type WorkerService } from './worker-service.js';

export const WORKER_VERSION = '0.1.0';

export interface RunningWorker {
  id: string;
  service: WorkerService;
  /** Compile cache and precompiled header of this worker (for tools and tests). */
  compile: CompileContext;
  /** Port of its `GET /metrics` server (METRICS_PORT; 0 picks a free one); null: none. */
  metricsPort: number | null;
  /** Stops taking jobs, lets running ones finish within the grace period, disconnects. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartWorkerOverrides {
  /** Use this sandbox instead of the one the environment selects (tests inject faults this way). */
  sandbox?: Sandbox;
  /** Use these recipes instead of the registry's (tests break a toolchain this way). */
  recipes?: Partial<Record<LanguageId, LanguageRecipe>>;
  /**
   * Offer every found language without the self-test: for tests whose injected sandbox fails every run on
   * purpose (to test how jobs end on platform faults), which the self-test would refuse.
   */
  skipSelfTest?: boolean;
}

export async function startWorker(
  env: WorkerEnv,
  logger: Logger,
  overrides: StartWorkerOverrides = {},
): Promise<RunningWorker> {
  const concurrency = env.WORKER_CONCURRENCY ?? availableParallelism();
  const catalog = await loadCatalog(env.PROBLEMS_DIR ?? CATALOG_ROOT);
  const found = await detectToolchains(env.WORKER_LANGUAGES, cachePath(env, 'toolchains.json'));
  if (found.length === 0 && env.WORKER_LANGUAGES !== undefined) {
    throw new Error(
      `none of WORKER_LANGUAGES (${env.WORKER_LANGUAGES.join(', ')}) has its toolchain installed here (${aptInstallLine(LANGUAGES.filter((language) => env.WORKER_LANGUAGES?.includes(language.id)))})`,
    );
  }
  if (found.length === 0) {
    throw new Error(
      `no toolchain found: install some (${aptInstallLine(LANGUAGES)}; docs/LANGUAGES.md lists the languages)`,
    );
  }
  logger.info({ languages: found.map((l) => `${l.id} ${l.version}`) }, 'toolchains found');

  const cppVersion = found.find((language) => language.id === 'cpp')?.version;
  const pchDir =
    cppVersion === undefined ? undefined : precompiledHeaderDir(cachePath(env, 'pch'), cppVersion);
  if (pchDir !== undefined) await mkdir(pchDir, { recursive: true });
  // The JVM compilers' class archives: a folder only the worker writes, read-only in every cell.
  const archiveDir = overrides.sandbox === undefined ? cachePath(env, 'jvm-class-archives') : undefined;
  if (archiveDir !== undefined) await mkdir(archiveDir, { recursive: true, mode: 0o755 });
  const sandbox =
    overrides.sandbox ??
    (await setUpSandbox(env, logger, {
      slots: concurrency,
      readOnlyPaths: [
        ...judgeReadOnlyPaths(),
        ...dolosPackageDirs(),
        ...(pchDir === undefined ? [] : [pchDir]),
        ...(archiveDir === undefined ? [] : [archiveDir]),
      ],
    }));
  const compile: CompileContext = {
    cache:
      env.COMPILE_CACHE_MB > 0
        ? new CompileCache({ maxBytes: env.COMPILE_CACHE_MB * 1024 * 1024 })
        : undefined,
    versions: Object.fromEntries(found.map((language) => [language.id, language.version])),
    limits: compileStepLimits(env.COMPILE_TIME_MS),
    ...(overrides.recipes === undefined ? {} : { recipes: overrides.recipes }),
  };
  const tested = overrides.skipSelfTest
    ? Promise.resolve(found)
    : selfTest(found, sandbox, compile, concurrency, env, logger, overrides.recipes === undefined);
  const languages = await tested.catch(async (error: unknown) => {
    if (overrides.sandbox === undefined) await sandbox.close().catch(() => undefined);
    throw error;
  });
  // The host-side builds below run in the background; stopping the worker ends them and waits for them, so
  // nothing is left writing into the cache folder once stop() has returned.
  const background = new AbortController();
  const builds: Promise<void>[] = [];
  if (pchDir !== undefined) {
    // C++ compiles work without it meanwhile; they get faster once it is there.
    const started = performance.now();
    const build = buildPrecompiledHeader(pchDir, background.signal).then((header) => {
      if (background.signal.aborted) return;
      if (header === null) {
        logger.warn({ pchDir }, 'could not build the precompiled C++ header; C++ compiles will be slower');
        return;
      }
      compile.pchDir = header.includeDir;
      logger.info({ pchDir, ms: Math.round(performance.now() - started) }, 'precompiled C++ header ready');
    });
    builds.push(build);
  }
  if (archiveDir !== undefined) {
    // Compiles work without them meanwhile; one at a time, so the builds take one core of the host.
    builds.push(buildClassArchives(archiveDir, languages, compile, logger, background.signal));
  }
  const stopBuilds = async (): Promise<void> => {
    background.abort();
    await Promise.all(builds);
  };

  const id = env.WORKER_ID ?? `${hostname()}-${process.pid}-${randomBytes(2).toString('hex')}`;
  const redis = createRedis(env.REDIS_URL, { name: `worker-${id}` });
  const keys = createKeys(env.REDIS_PREFIX);
  const results = new ResultsStream({ redis, keys });
  const metrics = createWorkerMetrics({ concurrency });
  const service = await startWorkerService(
    {
      workerId: id,
      logger,
      sandbox,
      metrics,
      languages,
      catalog,
      packages: new PackageCache({
        dir: cachePath(env, 'packages'),
        maxBytes: env.PACKAGE_CACHE_MB * 1024 * 1024,
        blobs: new PackageBlobs({ redis, keys }),
        logger,
      }),
      compile,
      store: new JobStore({ redis, keys, ttlSeconds: env.RESULT_TTL_SECONDS }),
      events: new JobEventLog({
        redis,
        keys,
        maxLength: env.EVENTS_MAX_LENGTH,
        ttlSeconds: env.EVENTS_TTL_SECONDS,
      }),
      registry: new WorkerRegistry(redis, keys),
      stdin: new JobStdin({ redis, keys, ttlSeconds: env.EVENTS_TTL_SECONDS }),
      results,
    },
    {
      connection: redis,
      prefix: env.REDIS_PREFIX,
      concurrency,
      lockMs: env.JOB_LOCK_MS,
      stalledIntervalMs: env.STALLED_INTERVAL_MS,
      heartbeatMs: env.HEARTBEAT_MS,
      version: WORKER_VERSION,
    },
  );
  metrics.countActiveWith(service.active);
  metrics.countSandboxWith(() => sandbox.counters?.());
  let metricsServer: MetricsServer | null = null;
  if (env.METRICS_PORT !== undefined) {
    metricsServer = await startMetricsServer({
      port: env.METRICS_PORT,
      registry: metrics.registry,
      access: metricsAccess({ token: env.METRICS_TOKEN, nodeEnv: env.NODE_ENV }),
      health: () => ({ workerId: id, active: service.active() }),
      logger,
    }).catch(async (error: unknown) => {
      // The port is taken: stop what started rather than run without the metrics asked for.
      await stopBuilds();
      await service.stop(0);
      await redis.quit().catch(() => undefined);
      throw error;
    });
  }
  return {
    id,
    service,
    compile,
    metricsPort: metricsServer?.port ?? null,
    async stop(graceMs = env.SHUTDOWN_GRACE_MS) {
      await stopBuilds();
      await service.stop(graceMs);
      await redis.quit().catch(() => undefined);
      await metricsServer?.close();
    },
  };
}

/**
 * Each found language's sample, compiled and run in the sandbox: the worker offers the languages that pass and
 * refuses to start when none does.
 */
async function selfTest(
  found: LanguageInfo[],
  sandbox: Sandbox,
  compile: CompileContext,
  concurrency: number,
  env: WorkerEnv,
  logger: Logger,
  remember: boolean,
): Promise<LanguageInfo[]> {
  const started = performance.now();
  const report = await selfTestLanguages(found, sandbox, compile, {
    ...(remember ? { cache: new SelfTestCache(cachePath(env, 'self-test.json')) } : {}),
    parallel: Math.max(2, concurrency),
    // A compile's own wall clock (2 × COMPILE_TIME_MS), then the run's (30 s).
    timeoutMs: 2 * env.COMPILE_TIME_MS + 30_000,
  });
  for (const { language, reason } of report.failed) {
    logger.warn(
      { language: language.id, version: language.version, reason },
      'language self-test failed; not offered',
    );
  }
  if (report.passed.length === 0) {
    throw new Error(
      `every language's self-test failed, so this worker could run nothing: ${report.failed
        .map(({ language, reason }) => `${language.id}: ${reason}`)
        .join('; ')}`,
    );
  }
  logger.info(
    {
      languages: report.passed.map((l) => `${l.id} ${l.version}`),
      failed: report.failed.map((f) => f.language.id),
      ms: Math.round(performance.now() - started),
    },
    'language self-test done',
  );
  return report.passed;
}

/** A file or folder in the worker's cache folder (CACHE_DIR, else the system temp folder's arbiter-cache). */
/** Builds (or finds) the class archive of each offered JVM compiler and hands it to the compiles. */
async function buildClassArchives(
  dir: string,
  languages: readonly LanguageInfo[],
  compile: CompileContext,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  const ids = classArchiveLanguages(languages.map((language) => language.id));
  const java = ids.length === 0 ? null : await javaVersion().catch(() => null);
  for (const language of java === null ? [] : ids) {
    if (signal.aborted) return;
    const version = languages.find((info) => info.id === language)?.version ?? '';
    const started = performance.now();
    const archive = await buildClassArchive(
      classArchivePath(dir, language, version, java ?? ''),
      language,
      undefined,
      signal,
    );
    if (signal.aborted) return;
    if (archive === null) {
      logger.warn({ language }, 'could not build the compiler class archive; its compiles start slower');
      continue;
    }
    compile.classArchives = { ...compile.classArchives, [language]: archive };
    logger.info(
      { language, archive, ms: Math.round(performance.now() - started) },
      'compiler class archive ready',
    );
  }
  // The warm-up of the integration suites waits for this line.
  logger.info({ languages: ids }, 'compiler class archives done');
}

function cachePath(env: WorkerEnv, name: string): string {
  return join(env.CACHE_DIR ?? join(tmpdir(), 'arbiter-cache'), name);
}
