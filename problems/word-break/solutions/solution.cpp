class Solution {
public:
    bool wordBreak(string s, vector<string>& wordDict) {
        unordered_set<string> words(wordDict.begin(), wordDict.end());
        int n = s.size();
        vector<bool> ok(n + 1, false);
        ok[0] = true;
        for (int end = 1; end <= n; end++)
            for (int start = max(0, end - 20); start < end && !ok[end]; start++)
                if (ok[start] && words.count(s.substr(start, end - start))) ok[end] = true;
        return ok[n];
    }
};
