/* eslint-disable */
/**
 * @param {number[]} height
 * @return {number}
 */
var trap = function (height) {
  let left = 0,
    right = height.length - 1,
    leftMax = 0,
    rightMax = 0,
    total = 0;
  while (left < right) {
    if (height[left] < height[right]) {
      leftMax = Math.max(leftMax, height[left]);
      total += leftMax - height[left++];
    } else {
      rightMax = Math.max(rightMax, height[right]);
      total += rightMax - height[right--];
    }
  }
  return total;
};
