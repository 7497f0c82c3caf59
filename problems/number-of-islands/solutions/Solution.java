class Solution {
    public int numIslands(char[][] grid) {
        int m = grid.length, n = grid[0].length, count = 0;
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                if (grid[r][c] != '1') continue;
                count++;
                grid[r][c] = '0';
                stack.push(new int[] {r, c});
                while (!stack.isEmpty()) {
                    int[] cell = stack.pop();
                    int[][] next = {{cell[0] + 1, cell[1]}, {cell[0] - 1, cell[1]}, {cell[0], cell[1] + 1}, {cell[0], cell[1] - 1}};
                    for (int[] p : next) {
                        if (p[0] >= 0 && p[1] >= 0 && p[0] < m && p[1] < n && grid[p[0]][p[1]] == '1') {
                            grid[p[0]][p[1]] = '0';
                            stack.push(p);
                        }
                    }
                }
            }
        }
        return count;
    }
}
