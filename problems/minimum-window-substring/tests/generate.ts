/**
 * Writes tests/hidden.json for minimum-window-substring: one letter, `t` longer than `s`, missing
 * letters, repeated letters, upper versus lower case, and the longest inputs (10^5 letters in `s`
 * and up to 5 * 10^4 in `t`), where growing a window from every start (quadratic) is too slow.
 * Every test has a unique answer: all shortest windows are the same string (checked here).
 * Run: npx tsx problems/minimum-window-substring/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(116);
const N = 100_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const word = (length: number, alphabet = LETTERS) =>
  Array.from({ length }, () => alphabet[random.int(0, alphabet.length - 1)] as string).join('');

/** The shortest window, or null when shortest windows with different contents exist. */
function minWindow(s: string, t: string): string | null {
  const need = new Map<string, number>();
  for (const c of t) need.set(c, (need.get(c) ?? 0) + 1);
  // Shortest length by the usual two pointers.
  const have = new Map<string, number>();
  let missing = t.length;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < s.length; right++) {
    const c = s[right] as string;
    have.set(c, (have.get(c) ?? 0) + 1);
    if ((have.get(c) as number) <= (need.get(c) ?? 0)) missing--;
    while (missing === 0) {
      best = Math.min(best, right - left + 1);
      const d = s[left++] as string;
      have.set(d, (have.get(d) as number) - 1);
      if ((have.get(d) as number) < (need.get(d) ?? 0)) missing++;
    }
  }
  if (best === Infinity) return '';
  // Every window of that length that qualifies must be the same string.
  const count = new Map<string, number>();
  let satisfied = 0; // distinct characters of t with enough copies in the window
  const bump = (c: string, by: number) => {
    const before = count.get(c) ?? 0;
    const want = need.get(c) ?? 0;
    count.set(c, before + by);
    if (want > 0 && before < want && before + by >= want) satisfied++;
    if (want > 0 && before >= want && before + by < want) satisfied--;
  };
  const answers = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    bump(s[i] as string, 1);
    if (i >= best) bump(s[i - best] as string, -1);
    if (i >= best - 1 && satisfied === need.size) answers.add(s.slice(i - best + 1, i + 1));
  }
  return answers.size === 1 ? ([...answers][0] as string) : null;
}

/** Inserts each letter of `letters` at a random position of `s`. */
function scatter(s: string, letters: string): string {
  const out = [...s];
  for (const c of letters) out.splice(random.int(0, out.length), 0, c);
  return out.join('');
}

const tests: { args: [string, string]; expected: string }[] = [];
function add(s: string, t: string): boolean {
  const expected = minWindow(s, t);
  if (expected === null) return false;
  tests.push({ args: [s, t], expected });
  return true;
}
/** Adds the first input from `make` whose answer is unique. */
function addUnique(make: () => [string, string]) {
  for (let attempt = 0; attempt < 100; attempt++) if (add(...make())) return;
  throw new Error('no input with a unique answer');
}

for (const [s, t] of [
  ['a', 'a'],
  ['a', 'b'],
  ['a', 'aa'],
  ['Aa', 'A'],
  ['aA', 'a'],
  ['abc', 'abcd'],
  ['bba', 'ab'],
  ['aaaaab', 'ab'],
  ['cabwefgewcwaefgcf', 'cae'],
  ['ZzZz', 'zZ'.repeat(2)],
] as [string, string][]) {
  if (!add(s, t)) throw new Error(`no unique answer for ${s}, ${t}`);
}
for (let k = 0; k < 12; k++) {
  addUnique(() => {
    const alphabet = random.pick(['ab', 'abc', 'aAbB', LETTERS]);
    return [word(random.int(1, 40), alphabet), word(random.int(1, 4), alphabet)];
  });
}
// Three rare capitals scattered in 10^5 lowercase letters.
addUnique(() => [scatter(word(N - 30, 'abcdefghijklmnopqrstuvwxyz'), 'XYZ'.repeat(10)), 'ZYX']);
// t is most of s: the answer is long, and growing windows from every start is quadratic.
addUnique(() => {
  const t = word(50_000);
  return [scatter(word(N - 50_000), t), t];
});
add('a'.repeat(N), 'a'.repeat(50_000));
add('a'.repeat(N), 'a'.repeat(N));
add(word(N, 'abcdefghijklmnopqrstuvwxyz'), 'Q'); // no answer
add('a' + 'b'.repeat(N - 2) + 'a', 'aa'); // the answer is all of s

const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`minimum-window-substring: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
