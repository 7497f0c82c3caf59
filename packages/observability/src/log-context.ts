/**
 * Ids that belong on every log line written while handling one thing: the request id of an HTTP
 * request, the job id of a job a worker runs. `withLogContext(fields, fn)` runs `fn` with them;
 * every logger made by `createLogger` adds them to each line written inside (async calls too).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LogContext {
  requestId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

/** Adds fields to the current context (e.g. the job id once a request has accepted a job). */
export function addToLogContext(fields: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
