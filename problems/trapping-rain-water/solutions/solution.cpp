class Solution {
public:
    int trap(vector<int>& height) {
        // Monotonic stack of bars that are still waiting for a taller bar on their right.
        stack<int> bars;
        int total = 0;
        for (int i = 0; i < (int)height.size(); i++) {
            while (!bars.empty() && height[bars.top()] < height[i]) {
                int bottom = height[bars.top()];
                bars.pop();
                if (bars.empty()) break;
                int left = bars.top();
                total += (min(height[left], height[i]) - bottom) * (i - left - 1);
            }
            bars.push(i);
        }
        return total;
    }
};
