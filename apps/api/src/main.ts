/** API entry point: reads the environment, serves HTTP and Socket.IO, stops cleanly on SIGINT/SIGTERM. */
import { createLogger, installCrashPolicy } from '@arbiter/observability';
import { startApiServer } from './api-server.js';
import { loadEnv } from './env.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ service: 'api', level: env.LOG_LEVEL });
  // Signals are handled from the very start: one that comes while the server is still starting
  // stops it as soon as it is up, instead of killing the process half-way.
  let stopping = false;
  const starting = startApiServer(env, logger);
  // Requests are independent: a stray rejection is logged and serving goes on; an uncaught exception
  // exits (after closing the server, within 5 s) for the supervisor to restart the API.
  installCrashPolicy({
    logger,
    rejections: 'log',
    release: () => starting.then((server) => server.close(1_000)),
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    starting
      .then((server) => server.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await starting;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
