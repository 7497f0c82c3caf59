class Solution {
public:
    int coinChange(vector<int>& coins, int amount) {
        vector<int> best(amount + 1, amount + 1);
        best[0] = 0;
        for (int coin : coins)
            for (long long x = coin; x <= amount; x++) best[x] = min(best[x], best[x - coin] + 1);
        return best[amount] > amount ? -1 : best[amount];
    }
};
