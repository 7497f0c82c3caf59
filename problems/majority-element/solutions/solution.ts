/* eslint-disable */
function majorityElement(nums: number[]): number {
  let candidate = nums[0];
  let votes = 0;
  for (const x of nums) {
    if (votes === 0) candidate = x;
    votes += x === candidate ? 1 : -1;
  }
  return candidate;
}
