/** One Vitest run for every workspace: unit tests beside the code, integration suites under `tests/`. */
import { defineConfig } from 'vitest/config';
import { speedFactor } from './tests/support/speed-factor.js';

// Measured once here (or taken from TEST_SPEED_FACTOR) and inherited by the test processes: every time limit
// in the tests, these timeouts included, is chosen for the reference machine and scaled by it.
const speed = speedFactor();

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'apps/web/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: Math.round(30_000 * speed),
    hookTimeout: Math.round(60_000 * speed),
    pool: 'forks',
    // Integration suites start real servers, workers and sandboxes: two cores, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
