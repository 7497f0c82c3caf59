/**
 * Structured JSON logs (pino), one logger per process, tagged with the service name and, on
 * lines written while handling a request or a job, its id (see log-context.ts).
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { currentLogContext } from './log-context.js';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level: LevelWithSilent;
  /** Where lines go; default: stdout. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: { service: options.service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    // Fields given on the line itself (a child logger's jobId) take precedence.
    mixin: () => ({ ...currentLogContext() }),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
