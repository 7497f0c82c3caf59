class Solution {
    public int trap(int[] height) {
        int n = height.length;
        int[] rightMax = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) rightMax[i] = Math.max(rightMax[i + 1], height[i]);
        int leftMax = 0, total = 0;
        for (int i = 0; i < n; i++) {
            leftMax = Math.max(leftMax, height[i]);
            total += Math.min(leftMax, rightMax[i]) - height[i];
        }
        return total;
    }
}
