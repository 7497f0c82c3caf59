public class Solution {
    public bool WordBreak(string s, IList<string> wordDict) {
        var words = new HashSet<string>(wordDict);
        var can = new bool[s.Length + 1];
        can[0] = true;
        for (int end = 1; end <= s.Length; end++) {
            for (int start = 0; start < end; start++) {
                if (can[start] && words.Contains(s.Substring(start, end - start))) {
                    can[end] = true;
                    break;
                }
            }
        }
        return can[s.Length];
    }
}
