class Solution {
    public int findKthLargest(int[] nums, int k) {
        // Counting sort: values lie in [-10^4, 10^4].
        int[] counts = new int[20001];
        for (int x : nums) counts[x + 10000]++;
        for (int v = 20000; v >= 0; v--) {
            k -= counts[v];
            if (k <= 0) return v - 10000;
        }
        return -1;
    }
}
