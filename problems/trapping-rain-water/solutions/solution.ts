/* eslint-disable */
function trap(height: number[]): number {
  const n = height.length;
  const rightMax = new Array(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) rightMax[i] = Math.max(rightMax[i + 1], height[i]);
  let leftMax = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    leftMax = Math.max(leftMax, height[i]);
    total += Math.min(leftMax, rightMax[i]) - height[i];
  }
  return total;
}
