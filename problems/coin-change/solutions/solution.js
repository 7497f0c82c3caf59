/* eslint-disable */
/**
 * @param {number[]} coins
 * @param {number} amount
 * @return {number}
 */
var coinChange = function (coins, amount) {
  const best = new Array(amount + 1).fill(amount + 1);
  best[0] = 0;
  for (const coin of coins)
    for (let x = coin; x <= amount; x++) best[x] = Math.min(best[x], best[x - coin] + 1);
  return best[amount] > amount ? -1 : best[amount];
};
