/**
 * Writes tests/hidden.json for climbing-stairs: every n from 1 to 45. The answers for the largest
 * n are close to 2^31, and plain recursion without memoization (exponential) runs out of time.
 * Run: npx tsx problems/climbing-stairs/tests/generate.ts
 */
import { writeTests } from '@arbiter/problems/generate';

function climbStairs(n: number): number {
  let [a, b] = [1, 1];
  for (let i = 2; i <= n; i++) [a, b] = [b, a + b];
  return b;
}

// Largest first, so a slow solution is caught on its first tests.
const ns = Array.from({ length: 45 }, (_v, i) => 45 - i);
const tests = ns.map((n) => ({ args: [n], expected: climbStairs(n) }));
if (climbStairs(45) > 2 ** 31 - 1) throw new Error('answer overflows int');
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`climbing-stairs: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
