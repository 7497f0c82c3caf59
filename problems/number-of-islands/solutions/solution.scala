object Solution {
    def numIslands(grid: Array[Array[Char]]): Int = {
        var islands = 0
        val stack = scala.collection.mutable.ArrayStack[(Int, Int)]()
        for (r <- grid.indices; c <- grid(r).indices if grid(r)(c) == '1') {
            islands += 1
            grid(r)(c) = '0'
            stack.push((r, c))
            while (stack.nonEmpty) {
                val (y, x) = stack.pop()
                for ((dy, dx) <- List((1, 0), (-1, 0), (0, 1), (0, -1))) {
                    val ny = y + dy
                    val nx = x + dx
                    if (ny >= 0 && ny < grid.length && nx >= 0 && nx < grid(ny).length && grid(ny)(nx) == '1') {
                        grid(ny)(nx) = '0'
                        stack.push((ny, nx))
                    }
                }
            }
        }
        islands
    }
}
