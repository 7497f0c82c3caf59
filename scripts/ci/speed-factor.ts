/** Prints this machine's speed factor for the tests' time limits (see tests/support/speed-factor.ts). */
import { measureSpeedFactor } from '../../tests/support/speed-factor.js';

const { factor, probes } = measureSpeedFactor();
process.stderr.write(`speed probes (ms): ${JSON.stringify(probes)}\n`);
process.stdout.write(`${factor}\n`);
