# @param {TreeNode} root
# @return {Integer[][]}
def level_order(root)
  result = []
  level = root ? [root] : []
  until level.empty?
    result << level.map(&:val)
    level = level.flat_map { |node| [node.left, node.right].compact }
  end
  result
end
