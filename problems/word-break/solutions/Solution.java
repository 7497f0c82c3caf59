class Solution {
    public boolean wordBreak(String s, List<String> wordDict) {
        // Memoized search from each start position.
        return canBreak(s, 0, new HashSet<>(wordDict), new Boolean[s.length()]);
    }

    private boolean canBreak(String s, int start, Set<String> words, Boolean[] memo) {
        if (start == s.length()) return true;
        if (memo[start] != null) return memo[start];
        boolean result = false;
        for (int end = start + 1; end <= Math.min(s.length(), start + 20) && !result; end++) {
            result = words.contains(s.substring(start, end)) && canBreak(s, end, words, memo);
        }
        return memo[start] = result;
    }
}
