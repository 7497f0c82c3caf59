class Solution:
    def longestCommonPrefix(self, strs: List[str]) -> str:
        # The common prefix of all strings is the common prefix of the smallest and the largest.
        first, last = min(strs), max(strs)
        i = 0
        while i < len(first) and first[i] == last[i]:
            i += 1
        return first[:i]
