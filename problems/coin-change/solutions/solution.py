class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        best = [0] + [amount + 1] * amount
        for coin in coins:
            for x in range(coin, amount + 1):
                if best[x - coin] + 1 < best[x]:
                    best[x] = best[x - coin] + 1
        return best[amount] if best[amount] <= amount else -1
