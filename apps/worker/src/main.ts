/**
 * Worker entry point: reads the environment, checks the sandbox and toolchains, then
 * judges jobs from the queue until SIGINT/SIGTERM. Refuses to start without a sandbox.
 */
import { createLogger, installCrashPolicy } from '@arbiter/observability';
import { loadEnv } from './env.js';
import { startWorker, type RunningWorker } from './start-worker.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ service: 'worker', level: env.LOG_LEVEL });
  let running: RunningWorker | undefined = undefined;
  // A fault nobody caught: log it with the jobs in flight, leave the registry, kill the runs, exit 1.
  installCrashPolicy({
    logger,
    rejections: 'exit',
    context: () => (running ? { workerId: running.id, jobs: running.service.runningJobs() } : {}),
    release: async () => running?.service.releaseAfterCrash(),
  });
  const worker = await startWorker(env, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, `cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  running = worker;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, active: worker.service.active() }, 'stopping: no new jobs, finishing running ones');
    worker
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
