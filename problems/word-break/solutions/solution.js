/* eslint-disable */
/**
 * @param {string} s
 * @param {string[]} wordDict
 * @return {boolean}
 */
var wordBreak = function (s, wordDict) {
  const words = new Set(wordDict);
  const ok = new Array(s.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= s.length; end++)
    for (let start = Math.max(0, end - 20); start < end && !ok[end]; start++)
      if (ok[start] && words.has(s.slice(start, end))) ok[end] = true;
  return ok[s.length];
};
