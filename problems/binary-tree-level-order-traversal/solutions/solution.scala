/**
 * Definition for a binary tree node.
 * class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
 *   var value: Int = _value
 *   var left: TreeNode = _left
 *   var right: TreeNode = _right
 * }
 */
object Solution {
    def levelOrder(root: TreeNode): List[List[Int]] = {
        val levels = scala.collection.mutable.ListBuffer[List[Int]]()
        var level = if (root == null) List.empty[TreeNode] else List(root)
        while (level.nonEmpty) {
            levels += level.map(_.value)
            level = level.flatMap(node => List(node.left, node.right)).filter(_ != null)
        }
        levels.toList
    }
}
