/* eslint-disable */
/**
 * @param {number[]} nums
 * @return {number}
 */
var firstMissingPositive = function (nums) {
  const present = new Set(nums);
  let answer = 1;
  while (present.has(answer)) answer++;
  return answer;
};
