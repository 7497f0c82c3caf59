/* eslint-disable */
function coinChange(coins: number[], amount: number): number {
  // Breadth first over sums: the first time `amount` is reached uses the fewest coins.
  if (amount === 0) return 0;
  const seen = new Uint8Array(amount + 1);
  let frontier = [0];
  for (let steps = 1; frontier.length > 0; steps++) {
    const next: number[] = [];
    for (const sum of frontier) {
      for (const coin of coins) {
        const reached = sum + coin;
        if (reached === amount) return steps;
        if (reached < amount && !seen[reached]) {
          seen[reached] = 1;
          next.push(reached);
        }
      }
    }
    frontier = next;
  }
  return -1;
}
