/** Which node types (`ListNode`, `TreeNode`) a signature uses, in LeetCode's order of definition comments. */
import type { FunctionSignature } from './signature.js';
import { mentionsNode } from './types.js';

export function nodesUsed(signature: FunctionSignature): ('ListNode' | 'TreeNode')[] {
  const types = [...signature.params.map((p) => p.type), signature.returns];
  return (['ListNode', 'TreeNode'] as const).filter((node) => types.some((t) => mentionsNode(t, node)));
}
