/**
 * Checker for group-anagrams: the answer must hold the same groups as the expected one, in any
 * order, with the words of each group in any order (each group compared as a sorted list).
 */

function canonical(groups: unknown): string[] | null {
  if (!Array.isArray(groups)) return null;
  const keys: string[] = [];
  for (const group of groups) {
    if (!Array.isArray(group) || !group.every((word) => typeof word === 'string')) return null;
    keys.push(JSON.stringify([...(group as string[])].sort()));
  }
  return keys.sort();
}

export function check(_input: unknown[], expected: unknown, actual: unknown): boolean | string {
  const want = canonical(expected);
  const got = canonical(actual);
  if (want === null) throw new Error('group-anagrams: malformed expected answer');
  if (got === null) return 'the answer must be a list of lists of strings';
  if (got.length !== want.length) return `expected ${want.length} groups, got ${got.length}`;
  return got.every((key, i) => key === want[i]);
}
