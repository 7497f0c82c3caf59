class Solution {
    public int coinChange(int[] coins, int amount) {
        int[] best = new int[amount + 1];
        Arrays.fill(best, amount + 1);
        best[0] = 0;
        for (int coin : coins)
            for (long x = coin; x <= amount; x++)
                best[(int) x] = Math.min(best[(int) x], best[(int) x - coin] + 1);
        return best[amount] > amount ? -1 : best[amount];
    }
}
