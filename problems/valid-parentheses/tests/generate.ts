/**
 * Writes tests/hidden.json for valid-parentheses: short edge cases, random balanced strings and
 * their corruptions, and the largest inputs (length 10^4: deep nesting, long flat runs).
 * Run: npx tsx problems/valid-parentheses/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(2);
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPEN = Object.keys(PAIRS);

function isValid(s: string): boolean {
  const stack: string[] = [];
  for (const c of s) {
    if (c in PAIRS) stack.push(PAIRS[c] as string);
    else if (stack.pop() !== c) return false;
  }
  return stack.length === 0;
}

/** A random balanced string of `pairs` bracket pairs, nesting more when `depthBias` is high. */
function balanced(pairs: number, depthBias = 0.5): string {
  let out = '';
  const stack: string[] = [];
  let left = pairs;
  while (left > 0 || stack.length > 0) {
    if (left > 0 && (stack.length === 0 || random.next() < depthBias)) {
      const open = random.pick(OPEN);
      out += open;
      stack.push(PAIRS[open] as string);
      left--;
    } else {
      out += stack.pop();
    }
  }
  return out;
}

function corrupt(s: string): string {
  const chars = [...s];
  const i = random.int(0, chars.length - 1);
  const choices = [...OPEN, ...Object.values(PAIRS)].filter((c) => c !== chars[i]);
  chars[i] = random.pick(choices);
  return chars.join('');
}

const inputs = [
  '(',
  ')',
  ']',
  '{',
  '((',
  '))',
  ')(',
  '([)]',
  '{[]}',
  '(((((((((())))))))))',
  '[',
  '(}',
  '}{',
];
for (let k = 0; k < 12; k++) {
  const s = balanced(random.int(1, 40), random.next());
  inputs.push(s, corrupt(s));
}
inputs.push(balanced(5_000, 1)); // nesting 5000 deep
inputs.push('('.repeat(5_000) + ')'.repeat(4_999) + ']'); // wrong only at the very end
inputs.push('()'.repeat(5_000)); // long and flat
inputs.push('{'.repeat(10_000)); // never closed
inputs.push(balanced(5_000, 0.6));
inputs.push(corrupt(balanced(5_000, 0.7)));

const tests = inputs.map((s) => ({ args: [s], expected: isValid(s) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`valid-parentheses: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
