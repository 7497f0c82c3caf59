/* eslint-disable */
/**
 * @param {number[]} nums
 * @return {number}
 */
var majorityElement = function (nums) {
  const counts = new Map();
  for (const x of nums) {
    const c = (counts.get(x) || 0) + 1;
    if (c > nums.length / 2) return x;
    counts.set(x, c);
  }
};
