impl Solution {
    pub fn num_islands(grid: Vec<Vec<char>>) -> i32 {
        let mut grid = grid;
        let mut count = 0;
        for r in 0..grid.len() {
            for c in 0..grid[r].len() {
                if grid[r][c] != '1' {
                    continue;
                }
                count += 1;
                grid[r][c] = '0';
                let mut stack = vec![(r, c)];
                while let Some((y, x)) = stack.pop() {
                    let neighbours = [(y.wrapping_sub(1), x), (y + 1, x), (y, x.wrapping_sub(1)), (y, x + 1)];
                    for (ny, nx) in neighbours {
                        if ny < grid.len() && nx < grid[ny].len() && grid[ny][nx] == '1' {
                            grid[ny][nx] = '0';
                            stack.push((ny, nx));
                        }
                    }
                }
            }
        }
        count
    }
}
