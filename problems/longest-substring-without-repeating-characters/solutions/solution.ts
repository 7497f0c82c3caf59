/* eslint-disable */
function lengthOfLongestSubstring(s: string): number {
  const last = new Array<number>(128).fill(-1);
  let start = 0;
  let best = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (last[c] >= start) start = last[c] + 1;
    last[c] = i;
    best = Math.max(best, i - start + 1);
  }
  return best;
}
