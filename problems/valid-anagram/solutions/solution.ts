/* eslint-disable */
function isAnagram(s: string, t: string): boolean {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of t) counts.set(c, (counts.get(c) ?? 0) - 1);
  for (const v of counts.values()) if (v !== 0) return false;
  return true;
}
