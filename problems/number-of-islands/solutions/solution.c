static void sink(char** grid, int m, int n, int r, int c) {
    if (r < 0 || c < 0 || r >= m || c >= n || grid[r][c] != '1') return;
    grid[r][c] = '0';
    sink(grid, m, n, r + 1, c);
    sink(grid, m, n, r - 1, c);
    sink(grid, m, n, r, c + 1);
    sink(grid, m, n, r, c - 1);
}

int numIslands(char** grid, int gridSize, int* gridColSize) {
    int count = 0;
    for (int r = 0; r < gridSize; r++) {
        for (int c = 0; c < gridColSize[r]; c++) {
            if (grid[r][c] == '1') {
                count++;
                sink(grid, gridSize, gridColSize[0], r, c);
            }
        }
    }
    return count;
}
