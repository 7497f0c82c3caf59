/**
 * Writes tests/hidden.json for longest-substring-without-repeating-characters: the empty string,
 * spaces, symbols that JSON escapes (`"` and `\`), repeats that force the window back, random
 * strings over small and large alphabets, and the largest inputs (5 * 10^4 characters).
 * Run: npx tsx problems/longest-substring-without-repeating-characters/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(13);
const N = 50_000;
/** Every printable ASCII character, space to tilde. */
const PRINTABLE = Array.from({ length: 95 }, (_v, i) => String.fromCharCode(32 + i)).join('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** Sliding window: the window starts right after the last time its newest character was seen. */
function longest(s: string): number {
  const last = new Map<string, number>();
  let start = 0;
  let best = 0;
  [...s].forEach((c, i) => {
    const seen = last.get(c);
    if (seen !== undefined && seen >= start) start = seen + 1;
    last.set(c, i);
    best = Math.max(best, i - start + 1);
  });
  return best;
}

/** Checks `longest` against the definition on short strings. */
function bruteForce(s: string): number {
  let best = 0;
  for (let i = 0; i < s.length; i++) {
    for (let j = i + 1; j <= s.length; j++) {
      if (new Set(s.slice(i, j)).size === j - i) best = Math.max(best, j - i);
    }
  }
  return best;
}

const randomString = (n: number, alphabet: string) =>
  Array.from({ length: n }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');

const cases: string[] = [
  '',
  ' ',
  'a',
  'au',
  'aa',
  '  ',
  'abba',
  'dvdf',
  'tmmzuxt',
  'a b c',
  '"\\"\\',
  '!@#$%^&*()',
  'ohvhjdml',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  PRINTABLE,
  PRINTABLE + PRINTABLE,
];
for (let k = 0; k < 16; k++) {
  const alphabet = random.pick([LOWER.slice(0, 3), LOWER, PRINTABLE]);
  cases.push(randomString(random.int(1, 80), alphabet));
}
// The largest inputs: random printable characters, one letter repeated, and every printable
// character cycling (the answer is 95, the most possible).
cases.push(randomString(N, PRINTABLE));
cases.push('z'.repeat(N));
cases.push(PRINTABLE.repeat(Math.ceil(N / 95)).slice(0, N));
cases.push(randomString(N - 3, LOWER.slice(0, 10)) + LOWER.slice(10));

const tests = cases.map((s) => {
  const expected = longest(s);
  if (s.length <= 200 && bruteForce(s) !== expected) throw new Error(`bad answer for ${s}`);
  return { args: [s], expected };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(
  `longest-substring-without-repeating-characters: ${tests.length} hidden tests, ${bytes} bytes` + '\n',
);
