/* eslint-disable */
function longestCommonSubsequence(text1: string, text2: string): number {
  const dp: number[][] = Array.from({ length: text1.length + 1 }, () => new Array(text2.length + 1).fill(0));
  for (let i = 1; i <= text1.length; i++)
    for (let j = 1; j <= text2.length; j++)
      dp[i][j] = text1[i - 1] === text2[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[text1.length][text2.length];
}
