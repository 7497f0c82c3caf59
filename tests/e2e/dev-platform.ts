/**
 * Development helper for the web app: starts a real API (default :4000) and an in-process worker
 * under a private Redis prefix and PostgreSQL schema, until Ctrl-C (which cleans both up).
 * `npx tsx tests/e2e/dev-platform.ts [port]`, then `npm run dev -w @arbiter/web`.
 */
import { cleanup, startApi, startWorkerInProcess, testPrefix } from '../support/platform.js';

const port = process.argv[2] ?? '4000';
const prefix = testPrefix();
const api = await startApi(prefix, { PORT: port, SUBMIT_RATE_PER_MINUTE_IP: '0' });
const worker = await startWorkerInProcess(prefix);
console.log(`API on http://127.0.0.1:${api.port} (prefix ${prefix}); Ctrl-C stops it`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await api.close();
  await cleanup(prefix);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
