class Solution {
    public int lengthOfLIS(int[] nums) {
        // Quadratic dynamic program: longest[i] ends at nums[i].
        int n = nums.length, best = 0;
        int[] longest = new int[n];
        for (int i = 0; i < n; i++) {
            longest[i] = 1;
            for (int j = 0; j < i; j++)
                if (nums[j] < nums[i]) longest[i] = Math.max(longest[i], longest[j] + 1);
            best = Math.max(best, longest[i]);
        }
        return best;
    }
}
