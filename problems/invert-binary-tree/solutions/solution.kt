class Solution {
    fun invertTree(root: TreeNode?): TreeNode? {
        // Iterative: a tree 10^4 levels deep is inverted without deep recursion.
        val stack = ArrayList<TreeNode>()
        if (root != null) stack.add(root)
        while (stack.isNotEmpty()) {
            val node = stack.removeAt(stack.size - 1)
            val left = node.left
            node.left = node.right
            node.right = left
            node.left?.let { stack.add(it) }
            node.right?.let { stack.add(it) }
        }
        return root
    }
}
