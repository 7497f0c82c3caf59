class Solution {
    fun numIslands(grid: Array<CharArray>): Int {
        var islands = 0
        for (r in grid.indices) {
            for (c in grid[r].indices) {
                if (grid[r][c] != '1') continue
                islands++
                // Iterative flood fill: a grid of land is too deep for recursion.
                val stack = ArrayList<Int>()
                stack.add(r * grid[r].size + c)
                grid[r][c] = '0'
                while (stack.isNotEmpty()) {
                    val cell = stack.removeAt(stack.size - 1)
                    val y = cell / grid[r].size
                    val x = cell % grid[r].size
                    for ((dy, dx) in listOf(1 to 0, -1 to 0, 0 to 1, 0 to -1)) {
                        val ny = y + dy
                        val nx = x + dx
                        if (ny in grid.indices && nx in grid[ny].indices && grid[ny][nx] == '1') {
                            grid[ny][nx] = '0'
                            stack.add(ny * grid[r].size + nx)
                        }
                    }
                }
            }
        }
        return islands
    }
}
