/**
 * Writes tests/hidden.json for roman-to-integer: one letter of each kind, every subtractive pair,
 * the longest numeral (3888, 15 letters), the largest (3999), and random values.
 * Run: npx tsx problems/roman-to-integer/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(20);

const SYMBOLS: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** The expected answers are the numbers the numerals are written from. */
function toRoman(n: number): string {
  let out = '';
  for (const [value, symbol] of SYMBOLS) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

const values = [
  1, 5, 10, 50, 100, 500, 1000, 4, 9, 40, 90, 400, 900, 3999, 3888, 2, 3, 8, 14, 19, 44, 99, 444, 494, 949,
  1444, 2024, 3000, 1666, 3549,
];
for (let k = 0; k < 20; k++) values.push(random.int(1, 3999));

const tests = values.map((n) => {
  const s = toRoman(n);
  if (s.length > 15) throw new Error(`${s} is too long`);
  return { args: [s], expected: n };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`roman-to-integer: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
