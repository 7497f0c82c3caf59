/**
 * Writes tests/hidden.json for coin-change: amount 0, unreachable amounts, coins larger than the
 * amount (up to 2^31 - 1), inputs where taking the largest coin first is wrong, and the largest
 * amounts (10^4) with 12 coin kinds, where plain recursion without memoization is far too slow.
 * Run: npx tsx problems/coin-change/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(101);
const MAX_COIN = 2 ** 31 - 1;

function fewestCoins(coins: number[], amount: number): number {
  const best = new Array<number>(amount + 1).fill(Infinity);
  best[0] = 0;
  for (const coin of coins) {
    for (let x = coin; x <= amount; x++)
      best[x] = Math.min(best[x] as number, (best[x - coin] as number) + 1);
  }
  const answer = best[amount] as number;
  return answer === Infinity ? -1 : answer;
}

/** `count` distinct coin values in [lo, hi]. */
function distinctCoins(count: number, lo: number, hi: number): number[] {
  const set = new Set<number>();
  while (set.size < count) set.add(random.int(lo, hi));
  return random.shuffle([...set]);
}

const inputs: [number[], number][] = [
  [[1], 0],
  [[1], 1],
  [[2], 1],
  [[MAX_COIN], 10_000],
  [[1, MAX_COIN], 10_000],
  [[MAX_COIN, 7], 0],
  [[1, 3, 4], 6], // greedy takes 4+1+1, the answer is 3+3
  [[1, 7, 10], 14],
  [[9, 6, 5, 1], 11],
  [[186, 419, 83, 408], 6249],
  [[2, 4, 6, 8], 9_999],
  [[3, 7, 405, 436], 8839],
  [[5, 7], 1],
  [[5, 7], 23],
  [[10_000], 10_000],
  [[9_999, 2], 10_000],
];
for (let k = 0; k < 12; k++) {
  inputs.push([distinctCoins(random.int(1, 6), 1, 30), random.int(0, 300)]);
}
for (let k = 0; k < 6; k++) {
  inputs.push([distinctCoins(12, 1, random.pick([50, 500, 10_000])), 10_000 - random.int(0, 50)]);
}
inputs.push([distinctCoins(12, 9_000, MAX_COIN), 10_000]);
inputs.push([[397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461], 9_973]);
inputs.push([[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000], 9_999]);
inputs.push([[6, 10, 15, 21, 28, 36, 45, 55, 66, 78, 91, 105], 9_997]);

const tests = inputs.map(([coins, amount]) => ({
  args: [coins, amount],
  expected: fewestCoins(coins, amount),
}));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`coin-change: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
