/* eslint-disable */
function wordBreak(s: string, wordDict: string[]): boolean {
  // Breadth first over reachable start positions.
  const seen = new Array(s.length + 1).fill(false);
  const queue = [0];
  seen[0] = true;
  for (let i = 0; i < queue.length; i++) {
    const start = queue[i];
    if (start === s.length) return true;
    for (const w of wordDict) {
      const end = start + w.length;
      if (end <= s.length && !seen[end] && s.startsWith(w, start)) {
        seen[end] = true;
        queue.push(end);
      }
    }
  }
  return false;
}
