/* eslint-disable */
function rob(nums: number[]): number {
  const memo = new Map<number, number>();
  const best = (i: number): number => {
    if (i >= nums.length) return 0;
    if (!memo.has(i)) memo.set(i, Math.max(best(i + 1), nums[i] + best(i + 2)));
    return memo.get(i)!;
  };
  return best(0);
}
