/* eslint-disable */
function romanToInt(s: string): number {
  const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = s.length - 1, previous = 0; i >= 0; i--) {
    const v = value[s[i]];
    total += v < previous ? -v : v;
    previous = v;
  }
  return total;
}
