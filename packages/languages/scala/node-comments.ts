/** LeetCode's definition comments for `ListNode` and `TreeNode` in Scala, shown atop starter code. */
import type { NodeComments } from '../shared/node-comments.js';

export const NODE_COMMENTS: NodeComments = {
  ListNode: `/**
 * Definition for singly-linked list.
 * class ListNode(_x: Int = 0, _next: ListNode = null) {
 *   var next: ListNode = _next
 *   var x: Int = _x
 * }
 */`,
  TreeNode: `/**
 * Definition for a binary tree node.
 * class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
 *   var value: Int = _value
 *   var left: TreeNode = _left
 *   var right: TreeNode = _right
 * }
 */`,
};
