/** What tests and tools may use of the API: starting an instance in-process. */
export { loadEnv, type ApiEnv } from './env.js';
export { startApiServer, type ApiServer } from './api-server.js';
