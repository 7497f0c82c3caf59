/* eslint-disable */
function numIslands(grid: string[][]): number {
  // Union-find over land cells.
  const m = grid.length;
  const n = grid[0].length;
  const parent = Array.from({ length: m * n }, (_v, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  let count = 0;
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      if (grid[r][c] !== '1') continue;
      count++;
      for (const [y, x] of [
        [r - 1, c],
        [r, c - 1],
      ]) {
        if (y >= 0 && x >= 0 && grid[y][x] === '1') {
          const a = find(r * n + c);
          const b = find(y * n + x);
          if (a !== b) {
            parent[a] = b;
            count--;
          }
        }
      }
    }
  }
  return count;
}
