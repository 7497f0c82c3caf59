/**
 * Writes tests/hidden.json for reverse-linked-list: empty and one-node lists, palindromes and
 * repeated values, random lists, and the longest lists (5000 nodes, deep recursion).
 * Run: npx tsx problems/reverse-linked-list/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(3);
const values = (n: number, spread = 5000) => Array.from({ length: n }, () => random.int(-spread, spread));

const lists: number[][] = [[], [0], [-5000], [5000, -5000], [7, 7, 7], [1, 2, 3, 2, 1], [1, 2, 2, 1]];
for (let k = 0; k < 16; k++) lists.push(values(random.int(2, 50), random.pick([3, 100, 5000])));
lists.push(values(5000));
lists.push(Array.from({ length: 5000 }, (_v, i) => i - 2500));
lists.push(Array.from({ length: 4999 }, () => 1));

const tests = lists.map((list) => ({ args: [list], expected: [...list].reverse() }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`reverse-linked-list: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
