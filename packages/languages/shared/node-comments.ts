/**
 * LeetCode's definition comments for `ListNode` and `TreeNode`, shown at the top of starter code: each
 * language keeps its own (`<id>/node-comments.ts`). The harness defines the types themselves, so pasted
 * solutions compile.
 */

export type NodeName = 'ListNode' | 'TreeNode';

/** One language's comment per node type. */
export type NodeComments = Record<NodeName, string>;

/** The definition comments for the node types in use, each followed by a newline. */
export function nodeComments(comments: NodeComments, nodes: readonly NodeName[]): string {
  return nodes.map((node) => `${comments[node]}\n`).join('');
}
