/**
 * Writes tests/hidden.json for word-break: one-letter strings, words reused many times, words
 * that almost fit, and the largest inputs (300 letters, 1000 words, words of 20 letters). Strings
 * of `a`s ending in `b` with the words `a`, `aa`, ... make trying every split without memoization
 * take exponential time.
 * Run: npx tsx problems/word-break/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(112);
const word = (length: number, letters = 26) =>
  Array.from({ length }, () => String.fromCharCode(97 + random.int(0, letters - 1))).join('');

function canBreak(s: string, words: string[]): boolean {
  const dict = new Set(words);
  const ok = new Array<boolean>(s.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - 20); start < end && !ok[end]; start++) {
      ok[end] = (ok[start] as boolean) && dict.has(s.slice(start, end));
    }
  }
  return ok[s.length] as boolean;
}

/** `count` distinct words with lengths from `length()`. */
function dictionary(count: number, length: () => number, letters = 26): string[] {
  const set = new Set<string>();
  while (set.size < count) set.add(word(length(), letters));
  return [...set];
}

/** A string made of random words of `words`, cut to at most 300 letters at a word boundary. */
function sentence(words: string[], maxLength = 300): string {
  let s = '';
  for (;;) {
    const w = random.pick(words);
    if (s.length + w.length > maxLength) return s || w.slice(0, maxLength);
    s += w;
  }
}

const as = (n: number) => 'a'.repeat(n);
const runs = Array.from({ length: 20 }, (_v, i) => as(i + 1));
const inputs: [string, string[]][] = [
  ['a', ['a']],
  ['a', ['b']],
  ['ab', ['a', 'b']],
  ['aaaaaaa', ['aaaa', 'aaa']],
  ['aaaaaaa', ['aaaa', 'aa']],
  ['cars', ['car', 'ca', 'rs']],
  ['goalspecial', ['go', 'goal', 'goals', 'special']],
  ['bb', ['a', 'b', 'bbb', 'bbbb']],
  [as(299) + 'b', runs], // exponential without memoization
  [as(300), runs.slice(1)],
  ['b' + as(299), runs],
  [as(300), [as(7), as(11)]],
  [as(299), [as(2), as(4), as(6), as(8), as(10)]],
];
for (let k = 0; k < 12; k++) {
  const words = dictionary(random.int(1, 12), () => random.int(1, 5), random.pick([2, 3, 26]));
  const s = random.next() < 0.5 ? sentence(words, random.int(1, 40)) : word(random.int(1, 30), 3);
  inputs.push([s, words]);
}
const big = dictionary(1000, () => random.int(1, 20));
const bigSentence = sentence(big);
inputs.push([bigSentence, big]);
inputs.push([bigSentence.slice(0, -1), big]);
inputs.push([word(300), big]);
const twenty = dictionary(1000, () => 20, 2);
inputs.push([sentence(twenty), twenty]);
const abWords = dictionary(30, () => random.int(1, 6), 2);
inputs.push([sentence(abWords), abWords], [word(300, 2), abWords]);

const tests = inputs.map(([s, words]) => ({ args: [s, words], expected: canBreak(s, words) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`word-break: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
