class Solution {
public:
    bool canJump(vector<int>& nums) {
        // Walk backwards: the goal moves to any position that can reach it.
        int goal = nums.size() - 1;
        for (int i = goal - 1; i >= 0; i--) {
            if (i + nums[i] >= goal) goal = i;
        }
        return goal == 0;
    }
};
