class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)
        lengths = sorted({len(w) for w in words})
        ok = [True] + [False] * len(s)
        for end in range(1, len(s) + 1):
            for length in lengths:
                if length > end:
                    break
                if ok[end - length] and s[end - length:end] in words:
                    ok[end] = True
                    break
        return ok[-1]
