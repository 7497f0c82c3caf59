/**
 * Writes tests/hidden.json for palindrome-number: zero, one digit, negatives, trailing zeros, the
 * 32-bit extremes (whose reversal overflows), the largest 32-bit palindromes, and random
 * palindromes and near-palindromes of every length.
 * Run: npx tsx problems/palindrome-number/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(19);
const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

const isPalindrome = (x: number) => String(x) === [...String(x)].reverse().join('');

/** A random palindrome with `digits` digits. */
function palindrome(digits: number): number {
  for (;;) {
    const half = Array.from({ length: Math.ceil(digits / 2) }, (_v, i) => random.int(i === 0 ? 1 : 0, 9));
    const mirrored = [...half, ...half.slice(0, Math.floor(digits / 2)).reverse()];
    const x = Number(mirrored.join(''));
    if (x <= INT_MAX) return x;
  }
}

const xs = [
  0,
  1,
  9,
  -1,
  11,
  12,
  100,
  1001,
  1000021,
  -101,
  INT_MAX,
  INT_MIN,
  2147447412, // the largest 32-bit palindrome
  1999999999,
  1000000001,
  1000000000,
  123454321,
  1234554321,
  1234567899,
  -2147447412,
];
for (let digits = 2; digits <= 10; digits++) {
  const p = palindrome(digits);
  xs.push(p);
  // Change one digit so that it is no longer a palindrome.
  const s = [...String(p)];
  const i = random.int(0, s.length - 1);
  s[i] = String((Number(s[i]) + random.int(1, 8)) % 10);
  const near = Number(s.join(''));
  if (s[0] !== '0' && near <= INT_MAX) xs.push(near);
}

const tests = xs.map((x) => {
  if (!Number.isInteger(x) || x < INT_MIN || x > INT_MAX) throw new Error(`${x} is not a 32-bit int`);
  return { args: [x], expected: isPalindrome(x) };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`palindrome-number: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
