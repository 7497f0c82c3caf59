/* eslint-disable */
/**
 * @param {number[]} nums
 * @return {number}
 */
var singleNumber = function (nums) {
  return nums.reduce((x, v) => x ^ v, 0);
};
