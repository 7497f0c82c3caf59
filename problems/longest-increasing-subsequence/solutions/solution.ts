/* eslint-disable */
function lengthOfLIS(nums: number[]): number {
  const longest = new Array(nums.length).fill(1);
  for (let i = 0; i < nums.length; i++)
    for (let j = 0; j < i; j++) if (nums[j] < nums[i]) longest[i] = Math.max(longest[i], longest[j] + 1);
  return Math.max(...longest);
}
