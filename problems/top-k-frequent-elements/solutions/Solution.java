class Solution {
    public int[] topKFrequent(int[] nums, int k) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int x : nums) counts.merge(x, 1, Integer::sum);
        List<Integer>[] buckets = new List[nums.length + 1];
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (buckets[c] == null) buckets[c] = new ArrayList<>();
            buckets[c].add(e.getKey());
        }
        int[] answer = new int[k];
        int size = 0;
        for (int c = nums.length; c > 0 && size < k; c--) {
            if (buckets[c] == null) continue;
            for (int value : buckets[c]) {
                if (size == k) break;
                answer[size++] = value;
            }
        }
        return answer;
    }
}
