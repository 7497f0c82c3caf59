int coinChange(int* coins, int coinsSize, int amount) {
    int* best = malloc(sizeof(int) * (amount + 1));
    for (int x = 0; x <= amount; x++) best[x] = x == 0 ? 0 : amount + 1;
    for (int i = 0; i < coinsSize; i++)
        for (long long x = coins[i]; x <= amount; x++)
            if (best[x - coins[i]] + 1 < best[x]) best[x] = best[x - coins[i]] + 1;
    int answer = best[amount] > amount ? -1 : best[amount];
    free(best);
    return answer;
}
