/**
 * Writes tests/hidden.json for valid-anagram: one letter, different lengths, same letters with
 * different counts, one swapped letter, and the longest strings (5 * 10^4 letters), where removing
 * letters one by one from a list (quadratic) is too slow.
 * Run: npx tsx problems/valid-anagram/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(104);
const N = 50_000;
const word = (length: number, letters = 26) =>
  Array.from({ length }, () => String.fromCharCode(97 + random.int(0, letters - 1))).join('');
const shuffled = (w: string) => random.shuffle([...w]).join('');
/** `w` with one letter changed to a different one. */
function mutate(w: string): string {
  const i = random.int(0, w.length - 1);
  const c = String.fromCharCode(97 + ((w.charCodeAt(i) - 97 + random.int(1, 25)) % 26));
  return w.slice(0, i) + c + w.slice(i + 1);
}

function isAnagram(s: string, t: string): boolean {
  return [...s].sort().join('') === [...t].sort().join('');
}

const inputs: [string, string][] = [
  ['a', 'a'],
  ['a', 'b'],
  ['a', 'aa'],
  ['ab', 'ba'],
  ['abc', 'abcd'],
  ['aacc', 'ccac'],
  ['anagram', 'nagaram'],
  ['rat', 'tar'],
  ['zz', 'zz'],
];
for (let k = 0; k < 12; k++) {
  const w = word(random.int(1, 40), random.pick([2, 5, 26]));
  inputs.push([w, random.next() < 0.5 ? shuffled(w) : mutate(shuffled(w))]);
}
const big = word(N);
inputs.push([big, shuffled(big)]);
inputs.push([big, mutate(shuffled(big))]);
inputs.push([big, shuffled(big).slice(1)]);
inputs.push(['a'.repeat(N), 'a'.repeat(N)]);
inputs.push(['a'.repeat(N), 'a'.repeat(N - 1) + 'b']);
const small = word(N, 3);
inputs.push([small, shuffled(small)]);
inputs.push([word(N), word(N)]);
inputs.push([big, [...big].reverse().join('')]);
// Each letter of s sits far into t: searching t for it from the front is slow.
inputs.push(['a'.repeat(N / 2) + 'b'.repeat(N / 2), 'b'.repeat(N / 2) + 'a'.repeat(N / 2)]);
const sorted = [...big].sort().join('');
inputs.push([sorted, [...sorted].reverse().join('')]);

const tests = inputs.map(([s, t]) => ({ args: [s, t], expected: isAnagram(s, t) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`valid-anagram: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
