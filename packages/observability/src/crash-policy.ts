/**
 * What a long-running app does with an exception nobody caught and a promise rejection nobody handled.
 * One policy for every app: the fault is logged as `fatal` with where it came from; an uncaught exception
 * leaves the process in an unknown state, so it releases what it can (bounded in time) and exits with code
 * 1 for its supervisor (`npm start`, Kubernetes, systemd) to restart it. An unhandled rejection does the same
 * in apps that hold others' work (`rejections: 'exit'`: the worker, whose jobs are then failed or re-queued by
 * the stall check), and is logged as an error while the process keeps serving where one failed promise
 * cannot corrupt shared state (`rejections: 'log'`: the API, whose requests are independent).
 */
import type { Logger } from 'pino';

export interface CrashPolicyOptions {
  logger: Logger;
  /** What to do on an unhandled rejection; an uncaught exception always exits. */
  rejections: 'exit' | 'log';
  /** Releases what it can before the exit (stop taking work, leave the worker registry, kill sandboxes). */
  release?: () => Promise<void>;
  /**
   * Longest wait for `release`, in ms.
   * @defaultValue 5000
   */
  releaseTimeoutMs?: number;
  /** Extra fields on the fatal line (the worker's id, the jobs it was running). */
  context?: () => Record<string, unknown>;
  /** Ends the process; default `process.exit`. Tests pass their own. */
  exit?: (code: number) => void;
}

export interface CrashPolicy {
  /** Removes the handlers (tests; an app keeps them for its life). */
  uninstall(): void;
}

export function installCrashPolicy(options: CrashPolicyOptions): CrashPolicy {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let exiting = false;

  const fatal = (err: unknown, origin: string) => {
    const context = safeContext(options.context);
    logger.fatal({ err, origin, ...context }, `${origin}: exiting for a restart`);
    if (exiting) return;
    exiting = true;
    const timeoutMs = options.releaseTimeoutMs ?? 5_000;
    const release = options.release?.() ?? Promise.resolve();
    const timer = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), timeoutMs).unref(),
    );
    void Promise.race([release.then(() => 'released' as const), timer])
      .then((how) => {
        if (how === 'timeout') logger.error({ timeoutMs }, 'release did not finish in time');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'release failed'))
      .finally(() => exit(1));
  };

  const onException = (err: Error, origin: string) => fatal(err, origin);
  const onRejection = (reason: unknown) => {
    if (options.rejections === 'exit') {
      fatal(reason, 'unhandledRejection');
      return;
    }
    logger.error(
      { err: reason, origin: 'unhandledRejection', ...safeContext(options.context) },
      'unhandled rejection',
    );
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    uninstall() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}

function safeContext(context: (() => Record<string, unknown>) | undefined): Record<string, unknown> {
  try {
    return context?.() ?? {};
  } catch {
    return {};
  }
}
