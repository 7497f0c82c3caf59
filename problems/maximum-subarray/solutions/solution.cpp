class Solution {
public:
    int maxSubArray(vector<int>& nums) {
        // Divide and conquer: the best run lies in the left half, the right half, or crosses the middle.
        return solve(nums, 0, nums.size() - 1);
    }

private:
    int solve(const vector<int>& nums, int lo, int hi) {
        if (lo == hi) return nums[lo];
        int mid = lo + (hi - lo) / 2;
        int leftBest = INT_MIN, rightBest = INT_MIN, sum = 0;
        for (int i = mid; i >= lo; i--) {
            sum += nums[i];
            leftBest = max(leftBest, sum);
        }
        sum = 0;
        for (int i = mid + 1; i <= hi; i++) {
            sum += nums[i];
            rightBest = max(rightBest, sum);
        }
        return max({solve(nums, lo, mid), solve(nums, mid + 1, hi), leftBest + rightBest});
    }
};
