/* eslint-disable */
function minWindow(s: string, t: string): string {
  const need = new Map<string, number>();
  for (const c of t) need.set(c, (need.get(c) ?? 0) + 1);
  let missing = t.length;
  let left = 0;
  let best = '';
  for (let right = 0; right < s.length; right++) {
    const c = s[right];
    if (need.has(c)) {
      if (need.get(c)! > 0) missing--;
      need.set(c, need.get(c)! - 1);
    }
    while (missing === 0) {
      if (best === '' || right - left + 1 < best.length) best = s.slice(left, right + 1);
      const d = s[left++];
      if (need.has(d)) {
        need.set(d, need.get(d)! + 1);
        if (need.get(d)! > 0) missing++;
      }
    }
  }
  return best;
}
