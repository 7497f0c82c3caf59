/**
 * Writes tests/hidden.json for daily-temperatures: one day, equal temperatures, rising and falling
 * runs, and the longest inputs (10^5 days), including a flat one that makes scanning forward from
 * every day (quadratic) too slow.
 * Run: npx tsx problems/daily-temperatures/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(110);
const N = 100_000;
const temps = (n: number, lo = 30, hi = 100) => Array.from({ length: n }, () => random.int(lo, hi));

function waits(t: number[]): number[] {
  const answer = new Array<number>(t.length).fill(0);
  const stack: number[] = [];
  t.forEach((value, i) => {
    while (stack.length > 0 && (t[stack[stack.length - 1] as number] as number) < value) {
      const j = stack.pop() as number;
      answer[j] = i - j;
    }
    stack.push(i);
  });
  return answer;
}

const inputs: number[][] = [
  [30],
  [100],
  [30, 100],
  [100, 30],
  [50, 50],
  [30, 31, 32, 33],
  [89, 62, 70, 58, 47, 47, 46, 76, 100, 70],
  [73, 74, 75, 71, 69, 72, 76, 73],
];
for (let k = 0; k < 14; k++) inputs.push(temps(random.int(2, 60), random.pick([30, 60, 95]), 100));
// The file must stay small, so only one input has 10^5 days: long outputs take room.
inputs.push(new Array<number>(N).fill(30)); // no warmer day anywhere: scanning ahead is quadratic
inputs.push(temps(60_000));
const M = 10_000;
inputs.push([...new Array<number>(M - 1).fill(50), 51]); // everyone waits for the last day
inputs.push(Array.from({ length: M }, (_v, i) => 100 - Math.floor((70 * i) / M))); // falling
inputs.push(Array.from({ length: M }, (_v, i) => 30 + Math.floor((71 * i) / M))); // rising plateaus
inputs.push(Array.from({ length: M }, (_v, i) => (i % 1000 === 999 ? 100 : random.int(30, 33))));

const tests = inputs.map((t) => ({ args: [t], expected: waits(t) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`daily-temperatures: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
