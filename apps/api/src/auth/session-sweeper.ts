/**
 * Housekeeping: expired sessions are already refused, but their rows would pile up; each API
 * instance deletes them now and then (several instances sweeping at once is harmless).
 */
import type { Database } from '@arbiter/db';
import type { Logger } from '@arbiter/observability';

/** How often expired sessions are deleted, in ms. */
export const SESSION_SWEEP_MS = 60 * 60 * 1000;

export interface SessionSweeper {
  stop(): void;
}

export function startSessionSweeper(
  db: Pick<Database, 'sessions'>,
  logger: Logger,
  everyMs = SESSION_SWEEP_MS,
): SessionSweeper {
  const timer = setInterval(() => {
    db.sessions
      .deleteExpiredSessions()
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted }, 'expired sessions deleted');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not delete expired sessions'));
  }, everyMs);
  // Never the reason the process stays up.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
