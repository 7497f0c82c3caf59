/** The worker's configuration, parsed once from the environment (schema in @arbiter/contracts). */
import { parseEnv, workerEnvSchema, type WorkerEnv } from '@arbiter/contracts';

export type { WorkerEnv };

export function loadEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, env);
}
