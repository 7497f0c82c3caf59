class Solution {
    public int[] dailyTemperatures(int[] temperatures) {
        // From the right: jump along the chain of "next warmer" days.
        int n = temperatures.length;
        int[] answer = new int[n];
        for (int i = n - 2; i >= 0; i--) {
            int j = i + 1;
            while (j < n && temperatures[j] <= temperatures[i]) {
                j = answer[j] == 0 ? n : j + answer[j];
            }
            answer[i] = j < n ? j - i : 0;
        }
        return answer;
    }
}
