class Solution {
    public int[] maxSlidingWindow(int[] nums, int k) {
        // A max-heap of (value, index); entries that left the window are dropped lazily.
        PriorityQueue<int[]> heap = new PriorityQueue<>((a, b) -> a[0] != b[0] ? b[0] - a[0] : b[1] - a[1]);
        int[] result = new int[nums.length - k + 1];
        for (int i = 0; i < nums.length; i++) {
            heap.add(new int[] {nums[i], i});
            if (i >= k - 1) {
                while (heap.peek()[1] <= i - k) heap.poll();
                result[i - k + 1] = heap.peek()[0];
            }
        }
        return result;
    }
}
