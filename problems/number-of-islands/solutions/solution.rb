# @param {Character[][]} grid
# @return {Integer}
def num_islands(grid)
  count = 0
  grid.each_index do |i|
    grid[i].each_index do |j|
      next unless grid[i][j] == '1'

      count += 1
      grid[i][j] = '0'
      stack = [[i, j]]
      until stack.empty?
        r, c = stack.pop
        [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]].each do |y, x|
          next unless y >= 0 && y < grid.length && x >= 0 && x < grid[y].length && grid[y][x] == '1'

          grid[y][x] = '0'
          stack << [y, x]
        end
      end
    end
  end
  count
end
