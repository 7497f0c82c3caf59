/* eslint-disable */
function topKFrequent(nums: number[], k: number): number[] {
  const counts = new Map<number, number>();
  for (const x of nums) counts.set(x, (counts.get(x) ?? 0) + 1);
  const buckets: number[][] = Array.from({ length: nums.length + 1 }, () => []);
  for (const [value, count] of counts) buckets[count].push(value);
  const answer: number[] = [];
  for (let c = nums.length; c > 0 && answer.length < k; c--) {
    for (const value of buckets[c]) {
      if (answer.length === k) break;
      answer.push(value);
    }
  }
  return answer;
}
