/** LeetCode's definition comments for `ListNode` and `TreeNode` in Go, shown atop starter code. */
import type { NodeComments } from '../shared/node-comments.js';

export const NODE_COMMENTS: NodeComments = {
  ListNode: `/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */`,
  TreeNode: `/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */`,
};
