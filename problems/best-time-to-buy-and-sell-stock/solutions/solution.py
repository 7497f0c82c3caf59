class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        low = prices[0]
        best = 0
        for p in prices:
            if p < low:
                low = p
            elif p - low > best:
                best = p - low
        return best
