/**
 * Prints this machine's speed factors for the tests' time limits as shell assignments
 * (TEST_SPEED_FACTOR, TEST_CPU_FACTOR, TEST_CONTENTION_FACTOR; see tests/support/speed-factor.ts), the probes on stderr.
 */
import { measureSpeedFactors } from '../../tests/support/speed-factor.js';

const { startup, cpu, contention, probes } = measureSpeedFactors();
process.stderr.write(`speed probes (ms of CPU): ${JSON.stringify(probes)}\n`);
process.stdout.write(
  `TEST_SPEED_FACTOR=${startup} TEST_CPU_FACTOR=${cpu} TEST_CONTENTION_FACTOR=${contention}\n`,
);
