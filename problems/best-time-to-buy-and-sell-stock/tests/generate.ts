/**
 * Writes tests/hidden.json for best-time-to-buy-and-sell-stock: one day, flat and falling prices,
 * the best buy after the highest price, random prices, and the largest inputs (10^5 days), where
 * trying every pair of days (O(n²)) runs out of time.
 * Run: npx tsx problems/best-time-to-buy-and-sell-stock/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(11);
const MAX = 10_000;
const N = 100_000;

function maxProfit(prices: number[]): number {
  let low = Infinity;
  let best = 0;
  for (const p of prices) {
    low = Math.min(low, p);
    best = Math.max(best, p - low);
  }
  return best;
}

const randomPrices = (n: number, lo = 0, hi = MAX) => Array.from({ length: n }, () => random.int(lo, hi));

const cases: number[][] = [
  [5],
  [0],
  [1, 2],
  [2, 1],
  [3, 3, 3, 3],
  [MAX, 0],
  [0, MAX],
  [2, 4, 1],
  [3, 2, 6, 5, 0, 3],
  [10, 1, 10, 0, 9],
  [1, 2, 4, 2, 5, 7, 2, 4, 9, 0],
  [9, 8, 7, 1, 2, 3, 10, 0, 4],
];
for (let k = 0; k < 16; k++) cases.push(randomPrices(random.int(2, 60), 0, random.pick([5, 100, MAX])));
// The largest inputs: random prices; falling prices with one rise at the very end; small prices.
cases.push(randomPrices(N));
cases.push([...Array.from({ length: N - 1 }, (_v, i) => MAX - Math.floor((i * MAX) / N)), MAX]);
cases.push(Array.from({ length: N }, (_v, i) => 9 - Math.floor((i * 10) / N)));

const tests = cases.map((prices) => ({ args: [prices], expected: maxProfit(prices) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`best-time-to-buy-and-sell-stock: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
