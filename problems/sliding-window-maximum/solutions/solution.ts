/* eslint-disable */
function maxSlidingWindow(nums: number[], k: number): number[] {
  // Blocks of k: the window max is max(suffix max of one block, prefix max of the next).
  const n = nums.length;
  const prefix = new Array(n);
  const suffix = new Array(n);
  for (let i = 0; i < n; i++) prefix[i] = i % k === 0 ? nums[i] : Math.max(prefix[i - 1], nums[i]);
  for (let i = n - 1; i >= 0; i--)
    suffix[i] = i === n - 1 || (i + 1) % k === 0 ? nums[i] : Math.max(suffix[i + 1], nums[i]);
  const result: number[] = [];
  for (let i = 0; i + k <= n; i++) result.push(Math.max(suffix[i], prefix[i + k - 1]));
  return result;
}
