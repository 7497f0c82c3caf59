/** The API's configuration, parsed once from the environment (schema in @arbiter/contracts). */
import { apiEnvSchema, parseEnv, type ApiEnv } from '@arbiter/contracts';

export type { ApiEnv };

export function loadEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return parseEnv(apiEnvSchema, env);
}
