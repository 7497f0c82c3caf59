/** LeetCode's definition comments for `ListNode` and `TreeNode` in Ruby, shown atop starter code. */
import type { NodeComments } from '../shared/node-comments.js';

export const NODE_COMMENTS: NodeComments = {
  ListNode: `# Definition for singly-linked list.
# class ListNode
#     attr_accessor :val, :next
#     def initialize(val = 0, _next = nil)
#         @val = val
#         @next = _next
#     end
# end`,
  TreeNode: `# Definition for a binary tree node.
# class TreeNode
#     attr_accessor :val, :left, :right
#     def initialize(val = 0, left = nil, right = nil)
#         @val = val
#         @left = left
#         @right = right
#     end
# end`,
};
