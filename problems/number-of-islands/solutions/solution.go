func numIslands(grid [][]byte) int {
    count := 0
    for i := range grid {
        for j := range grid[i] {
            if grid[i][j] != '1' {
                continue
            }
            count++
            stack := [][2]int{{i, j}}
            grid[i][j] = '0'
            for len(stack) > 0 {
                cell := stack[len(stack)-1]
                stack = stack[:len(stack)-1]
                for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
                    r, c := cell[0]+d[0], cell[1]+d[1]
                    if r >= 0 && r < len(grid) && c >= 0 && c < len(grid[r]) && grid[r][c] == '1' {
                        grid[r][c] = '0'
                        stack = append(stack, [2]int{r, c})
                    }
                }
            }
        }
    }
    return count
}
