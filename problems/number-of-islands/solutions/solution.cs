public class Solution {
    public int NumIslands(char[][] grid) {
        int count = 0;
        for (int r = 0; r < grid.Length; r++) {
            for (int c = 0; c < grid[r].Length; c++) {
                if (grid[r][c] != '1') continue;
                count++;
                grid[r][c] = '0';
                var stack = new Stack<int[]>();
                stack.Push(new[] { r, c });
                while (stack.Count > 0) {
                    var cell = stack.Pop();
                    int y = cell[0], x = cell[1];
                    int[][] steps = { new[] { -1, 0 }, new[] { 1, 0 }, new[] { 0, -1 }, new[] { 0, 1 } };
                    foreach (var step in steps) {
                        int ny = y + step[0], nx = x + step[1];
                        if (ny >= 0 && ny < grid.Length && nx >= 0 && nx < grid[ny].Length && grid[ny][nx] == '1') {
                            grid[ny][nx] = '0';
                            stack.Push(new[] { ny, nx });
                        }
                    }
                }
            }
        }
        return count;
    }
}
