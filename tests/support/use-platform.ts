/** One API and (unless told not to) one in-process worker for a test file: started before its tests, stopped after. */
import { afterAll, beforeAll } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { base, cleanup, startApi, startWorkerInProcess, testPrefix } from './platform.js';
import { scaledMs } from './speed-factor.js';

export interface PlatformOptions {
  /** Environment of the API on top of the test defaults. */
  api?: Record<string, string>;
  /** Environment of the worker on top of the test defaults; `false`: no worker. */
  worker?: Record<string, string> | false;
}

export interface Platform {
  /** The Redis key prefix (and database schema) of this file's platform. */
  readonly prefix: string;
  readonly api: ApiServer;
  readonly worker: RunningWorker;
  /** The API's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
}

export function usePlatform(options: PlatformOptions = {}): Platform {
  const prefix = testPrefix();
  let api: ApiServer | undefined;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    api = await startApi(prefix, options.api);
    if (options.worker !== false) worker = await startWorkerInProcess(prefix, options.worker);
  }, scaledMs(180_000));
  afterAll(async () => {
    await worker?.stop(2_000);
    await api?.close(1_000);
    await cleanup(prefix);
  });
  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined)
      throw new Error(`the test platform's ${what} is not running (used outside a test?)`);
    return value;
  };
  return {
    prefix,
    get api() {
      return started('API', api);
    },
    get worker() {
      return started('worker', worker);
    },
    get url() {
      return base(started('API', api));
    },
  };
}
