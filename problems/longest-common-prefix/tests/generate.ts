/**
 * Writes tests/hidden.json for longest-common-prefix: one string, empty strings, one string the
 * prefix of the others, identical strings, the difference in the last string or the last letter,
 * random words sharing random prefixes, and the largest inputs (200 strings of 200 letters).
 * Run: npx tsx problems/longest-common-prefix/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(21);

function longestCommonPrefix(strs: string[]): string {
  let prefix = strs[0] as string;
  for (const s of strs) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

const word = (length: number, letters = 26) =>
  Array.from({ length }, () => String.fromCharCode(97 + random.int(0, letters - 1))).join('');

/** `count` strings that start with `prefix`, followed by up to `maxTail` random letters. */
const sharing = (prefix: string, count: number, maxTail: number, letters = 26) =>
  Array.from({ length: count }, () => prefix + word(random.int(0, maxTail), letters));

const cases: string[][] = [
  [''],
  ['a'],
  ['alone'],
  ['', ''],
  ['', 'b'],
  ['b', ''],
  ['a', 'a'],
  ['ab', 'a'],
  ['a', 'ab', 'abc'],
  ['abc', 'abd', 'ab'],
  ['same', 'same', 'same'],
  ['prefix', 'prefixes', 'prefixed', 'pre'],
  ['cir', 'car'],
  ['reflower', 'flow', 'flight'],
  ['abcdef', 'abcdef', 'abcdef', 'abcdeg'],
  ['aaa', 'aa', 'aaa', 'a', 'aaaa'],
];
for (let k = 0; k < 14; k++) {
  const prefix = word(random.int(0, 10), random.pick([2, 26]));
  cases.push(sharing(prefix, random.int(1, 30), random.int(0, 10), random.pick([2, 26])));
}
// The largest inputs: 200 copies of one 200-letter word; the same with the last letter of the last
// copy changed; and 200 words of up to 200 letters sharing a 150-letter prefix.
const long = word(200);
cases.push(Array.from({ length: 200 }, () => long));
cases.push([
  ...Array.from({ length: 199 }, () => long),
  long.slice(0, 199) + (long[199] === 'z' ? 'y' : 'z'),
]);
cases.push(sharing(word(150), 200, 50));
cases.push([...Array.from({ length: 199 }, () => long), '']);

const tests = cases.map((strs) => ({ args: [strs], expected: longestCommonPrefix(strs) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`longest-common-prefix: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
