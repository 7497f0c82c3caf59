/**
 * Writes tests/hidden.json for group-anagrams: empty words, duplicates, one big group, all
 * singletons, and the largest inputs (10^4 words; words of 100 letters).
 * Run: npx tsx problems/group-anagrams/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(5);
const word = (length: number, letters = 26) =>
  Array.from({ length }, () => String.fromCharCode(97 + random.int(0, letters - 1))).join('');
const anagramOf = (w: string) => random.shuffle([...w]).join('');

/** Groups in a stable order: each group sorted, groups sorted by their first word. */
function group(strs: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const s of strs) {
    const key = [...s].sort().join('');
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()]
    .map((g) => g.sort())
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** `count` words drawn from `bases` distinct letter multisets, each word a shuffle of its base. */
function words(count: number, bases: number, length: () => number, letters = 26): string[] {
  const roots = Array.from({ length: bases }, () => word(length(), letters));
  return Array.from({ length: count }, () => anagramOf(random.pick(roots)));
}

const inputs: string[][] = [
  ['', ''],
  ['', 'a', ''],
  ['ab', 'ba', 'ab'],
  ['abc', 'abd', 'abe'],
  ['aab', 'abb', 'bab', 'aba'],
  ['z'],
  [word(100), word(100)],
];
for (let k = 0; k < 12; k++) {
  inputs.push(words(random.int(1, 40), random.int(1, 10), () => random.int(0, 8), random.pick([2, 3, 26])));
}
const longWord = word(100);
inputs.push(Array.from({ length: 200 }, () => anagramOf(longWord))); // one group of 100-letter words
inputs.push(words(10_000, 2_000, () => random.int(1, 12)));
inputs.push(words(10_000, 10_000, () => random.int(4, 8))); // nearly all singletons
inputs.push(words(2_000, 40, () => 100));

const tests = inputs.map((strs) => ({ args: [strs], expected: group(strs) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`group-anagrams: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
