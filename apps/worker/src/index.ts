/** What tests and tools may use of the worker: starting one in-process. */
export { loadEnv, type WorkerEnv } from './env.js';
export {
  startWorker,
  WORKER_VERSION,
  type RunningWorker,
  type StartWorkerOverrides,
} from './start-worker.js';
export { SandboxUnavailableError } from './sandbox-setup.js';
