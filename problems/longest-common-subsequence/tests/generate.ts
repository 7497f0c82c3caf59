/**
 * Writes tests/hidden.json for longest-common-subsequence: one-letter strings, equal strings, no
 * common letter, one string a subsequence of the other, small alphabets, and the longest strings
 * (1000 letters each), where trying subsequences by brute force is hopeless.
 * Run: npx tsx problems/longest-common-subsequence/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(102);
const word = (length: number, letters = 26, from = 0) =>
  Array.from({ length }, () => String.fromCharCode(97 + from + random.int(0, letters - 1))).join('');

function lcs(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Deletes each letter of `w` with probability `p`. */
const thin = (w: string, p: number) => [...w].filter(() => random.next() >= p).join('') || w[0] || 'a';

const big = word(1000);
const inputs: [string, string][] = [
  ['a', 'a'],
  ['a', 'b'],
  ['z', 'zzzz'],
  ['ab', 'ba'],
  ['abc', 'abc'],
  ['aaaa', 'aa'],
  [word(1000, 13), word(1000, 13, 13)], // no common letter
  ['a'.repeat(1000), 'a'.repeat(1000)],
  ['q', big],
  [big, big],
  [big, thin(big, 0.3)],
  [big, [...big].reverse().join('')],
];
for (let k = 0; k < 14; k++) {
  inputs.push([
    word(random.int(1, 30), random.pick([2, 4, 26])),
    word(random.int(1, 30), random.pick([2, 4, 26])),
  ]);
}
for (let k = 0; k < 4; k++) {
  inputs.push([
    word(random.int(100, 600), random.pick([3, 26])),
    word(random.int(100, 600), random.pick([3, 26])),
  ]);
}
inputs.push([word(1000, 2), word(1000, 2)]);
inputs.push([word(1000, 26), word(1000, 26)]);
inputs.push([word(1000, 5), thin(word(1000, 5), 0.1)]);

const tests = inputs.map(([a, b]) => ({ args: [a, b], expected: lcs(a, b) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`longest-common-subsequence: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
