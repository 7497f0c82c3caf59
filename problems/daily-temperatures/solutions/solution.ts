/* eslint-disable */
function dailyTemperatures(temperatures: number[]): number[] {
  // Temperatures lie in [30, 100]: remember the next day of each temperature, scanning from the right.
  const next = new Array(101).fill(Infinity);
  const answer = new Array(temperatures.length).fill(0);
  for (let i = temperatures.length - 1; i >= 0; i--) {
    let soonest = Infinity;
    for (let t = temperatures[i] + 1; t <= 100; t++) soonest = Math.min(soonest, next[t]);
    answer[i] = soonest === Infinity ? 0 : soonest - i;
    next[temperatures[i]] = i;
  }
  return answer;
}
