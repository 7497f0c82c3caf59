/* eslint-disable */
/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */

function maxDepth(root: TreeNode | null): number {
  let depth = 0;
  let level: TreeNode[] = root ? [root] : [];
  while (level.length > 0) {
    depth++;
    level = level.flatMap((node) => [node.left, node.right]).filter((n): n is TreeNode => n !== null);
  }
  return depth;
}
