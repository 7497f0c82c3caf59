/* eslint-disable */
/**
 * @param {number[]} nums1
 * @param {number[]} nums2
 * @return {number}
 */
var findMedianSortedArrays = function (nums1, nums2) {
  const all = [...nums1, ...nums2].sort((a, b) => a - b);
  const mid = all.length >> 1;
  return all.length % 2 ? all[mid] : (all[mid - 1] + all[mid]) / 2;
};
