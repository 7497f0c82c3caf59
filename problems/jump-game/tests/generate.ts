/**
 * Writes tests/hidden.json for jump-game: one position, zeros at the start, at the end and just
 * before it, random arrays, and the largest inputs (10^4 positions) with long jumps that all land on
 * one zero, where marking every reachable position from every position (O(n²)) runs out of time.
 * Run: npx tsx problems/jump-game/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(25);
const MAX = 100_000;
const N = 10_000;

/** Greedy: the furthest position reachable so far. */
function canJump(nums: number[]): boolean {
  let reach = 0;
  for (let i = 0; i < nums.length && i <= reach; i++) reach = Math.max(reach, i + (nums[i] as number));
  return reach >= nums.length - 1;
}

/** Checks `canJump` on short arrays by marking every position reachable. */
function marked(nums: number[]): boolean {
  const reachable = nums.map((_v, i) => i === 0);
  nums.forEach((x, i) => {
    if (!reachable[i]) return;
    for (let j = i + 1; j <= Math.min(i + x, nums.length - 1); j++) reachable[j] = true;
  });
  return reachable[nums.length - 1] as boolean;
}

/** Mostly short jumps with zeros at rate `zeros`. */
const randomArray = (n: number, zeros: number, hi: number) =>
  Array.from({ length: n }, () => (random.next() < zeros ? 0 : random.int(1, hi)));

/** Every position jumps exactly to position n - 2, which holds 0: unreachable end. */
const staircase = (n: number) => Array.from({ length: n }, (_v, i) => Math.max(0, n - 2 - i));

const cases: number[][] = [
  [0],
  [MAX],
  [1, 0],
  [0, 1],
  [0, 0],
  [2, 0, 0],
  [1, 0, 1, 0],
  [1, 1, 1, 1, 1],
  [3, 0, 0, 0],
  [3, 0, 0, 0, 1],
  [1, 2, 0, 1],
  [2, 0, 2, 0, 1],
  [4, 2, 0, 0, 1, 1, 4, 4, 4, 0, 4, 0],
];
for (let k = 0; k < 16; k++)
  cases.push(randomArray(random.int(2, 40), random.pick([0.1, 0.3, 0.5]), random.pick([2, 4])));
// The largest inputs: every jump as long as allowed; the staircase (false) and the same with one
// long first jump (true); long random jumps with many zeros; and all ones.
cases.push(Array.from({ length: N }, () => MAX));
cases.push(staircase(N));
cases.push([N - 1, ...staircase(N).slice(1)]);
cases.push(staircase(N).map((x, i) => (i === N - 2 ? 0 : random.int(Math.max(0, x - 20), x))));
cases.push(randomArray(N, 0.9, 12));
cases.push(Array.from({ length: N }, () => 1));
// More long jumps, so that a quadratic solution cannot pass by being quick on each: every
// position reaching exactly the end (true); long random jumps (true); and every position jumping
// exactly to a zero a little before the end (false).
cases.push(Array.from({ length: N }, (_v, i) => N - 1 - i));
for (let k = 0; k < 2; k++) cases.push(Array.from({ length: N }, () => random.int(N / 2, MAX)));
for (const gap of [1, 5, 50]) cases.push(staircase(N - gap).concat(randomArray(gap, 0, MAX)));

const tests = cases.map((nums) => {
  const expected = canJump(nums);
  if (nums.length <= 100 && marked(nums) !== expected) throw new Error(`bad answer for ${nums}`);
  return { args: [nums], expected };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`jump-game: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
