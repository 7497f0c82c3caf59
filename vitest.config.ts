/**
 * The Vitest run for every workspace, in two tiers: `unit` (pure code, no Redis, database or sandbox;
 * `npm run test:unit`) and `integration` (real Redis, PostgreSQL, sandbox, servers; `npm run test:integration`).
 */
import { defineConfig } from 'vitest/config';
import { speedFactor } from './tests/support/speed-factor.js';

// Measured once here (or taken from TEST_SPEED_FACTOR) and inherited by the test processes: every time limit
// in the tests, these timeouts included, is chosen for the reference machine and scaled by it.
const speed = speedFactor();

/** Tests that need no service: unit tests beside the code, and the packages and checks that are pure code. */
const UNIT = [
  'packages/*/src/**/*.test.ts',
  'apps/*/src/**/*.test.ts',
  'packages/archive/test/**/*.test.ts',
  'packages/languages/**/*.test.ts',
  'packages/observability/test/**/*.test.ts',
  'packages/problems/test/**/*.test.ts',
  'packages/problem-package/test/**/*.test.ts',
  'tests/deploy/**/*.test.ts',
  'tests/web/**/*.test.ts',
  'bench/support/**/*.test.ts',
];
/** Beside the code, yet on a real Redis. */
const UNIT_EXCEPTIONS = ['apps/worker/src/log-batcher.test.ts'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', 'apps/web/**'];

export default defineConfig({
  test: {
    testTimeout: Math.round(30_000 * speed),
    hookTimeout: Math.round(60_000 * speed),
    pool: 'forks',
    // Integration suites start real servers, workers and sandboxes: two cores, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT,
          exclude: [...ALWAYS_EXCLUDED, ...UNIT_EXCEPTIONS],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'packages/*/test/**/*.test.ts',
            'apps/*/test/**/*.test.ts',
            'tests/**/*.test.ts',
            ...UNIT_EXCEPTIONS,
          ],
          exclude: [...ALWAYS_EXCLUDED, ...UNIT.filter((glob) => !glob.includes('/src/'))],
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
