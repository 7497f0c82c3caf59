class Solution {
    fun levelOrder(root: TreeNode?): List<List<Int>> {
        val levels = ArrayList<List<Int>>()
        var level = listOfNotNull(root)
        while (level.isNotEmpty()) {
            levels.add(level.map { it.`val` })
            level = level.flatMap { listOfNotNull(it.left, it.right) }
        }
        return levels
    }
}
