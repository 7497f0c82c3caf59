/**
 * A long-running process under the crash policy, for crash-policy.test.ts: `exception` throws from a
 * timer, `rejection` leaves a promise rejected; it logs `still serving` 100 ms later and exits 0 by itself.
 */
import { createLogger, installCrashPolicy } from '../src/index.js';

const [mode, rejections] = process.argv.slice(2) as ['exception' | 'rejection', 'exit' | 'log'];
const logger = createLogger({ service: 'fixture', level: 'info' });
installCrashPolicy({
  logger,
  rejections,
  context: () => ({ jobs: ['job-1'] }),
  release: async () => logger.info('released'),
});
setTimeout(() => {
  if (mode === 'exception') throw new RangeError('Invalid string length');
  void Promise.reject(new Error('nobody waits for me'));
}, 10);
setTimeout(() => {
  logger.info('still serving');
  process.exit(0);
}, 300);
