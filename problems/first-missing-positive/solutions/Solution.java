class Solution {
    public int firstMissingPositive(int[] nums) {
        // Mark value v in 1..n as present by making nums[v - 1] negative.
        int n = nums.length;
        for (int i = 0; i < n; i++) {
            if (nums[i] <= 0 || nums[i] > n) nums[i] = n + 1;
        }
        for (int i = 0; i < n; i++) {
            int v = Math.abs(nums[i]);
            if (v <= n && nums[v - 1] > 0) nums[v - 1] = -nums[v - 1];
        }
        for (int i = 0; i < n; i++) {
            if (nums[i] > 0) return i + 1;
        }
        return n + 1;
    }
}
