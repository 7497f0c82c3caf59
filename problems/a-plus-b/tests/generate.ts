/**
 * Writes tests/hidden.json for a-plus-b: zeros, signs, and the extremes whose sum overflows a
 * 32-bit integer. Run: npx tsx problems/a-plus-b/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(9);
const LIMIT = 2_000_000_000;
const pairs: [number, number][] = [
  [0, 0],
  [-1, 1],
  [LIMIT, LIMIT],
  [-LIMIT, -LIMIT],
  [LIMIT, -LIMIT],
  [2_147_483_647 - LIMIT, LIMIT],
  [2_147_483_648 - LIMIT, LIMIT],
];
for (let k = 0; k < 10; k++) pairs.push([random.int(-LIMIT, LIMIT), random.int(-LIMIT, LIMIT)]);

const tests = pairs.map(([a, b]) => ({ input: `${a} ${b}\n`, output: `${a + b}\n` }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`a-plus-b: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
