/* eslint-disable */
function findKthLargest(nums: number[], k: number): number {
  // Quickselect with a random pivot and three-way partitioning (many equal values are common).
  let lo = 0;
  let hi = nums.length - 1;
  const target = k - 1; // index in descending order
  while (true) {
    const pivot = nums[lo + Math.floor(Math.random() * (hi - lo + 1))];
    let lt = lo,
      i = lo,
      gt = hi;
    while (i <= gt) {
      if (nums[i] > pivot) [nums[lt++], nums[i++]] = [nums[i], nums[lt]];
      else if (nums[i] < pivot) [nums[gt--], nums[i]] = [nums[i], nums[gt]];
      else i++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
}
