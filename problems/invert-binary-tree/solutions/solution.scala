/**
 * Definition for a binary tree node.
 * class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
 *   var value: Int = _value
 *   var left: TreeNode = _left
 *   var right: TreeNode = _right
 * }
 */
object Solution {
    def invertTree(root: TreeNode): TreeNode = {
        // Iterative, so a degenerate tree 10^4 levels deep is fine.
        val stack = scala.collection.mutable.ArrayStack[TreeNode]()
        if (root != null) stack.push(root)
        while (stack.nonEmpty) {
            val node = stack.pop()
            val left = node.left
            node.left = node.right
            node.right = left
            if (node.left != null) stack.push(node.left)
            if (node.right != null) stack.push(node.right)
        }
        root
    }
}
