/** Go: how the grammar's types are spelled (LeetCode's: `[]int`, `[][]byte`, `*ListNode`) and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function goType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'bool':
    case 'string':
      return type.kind;
    case 'long':
      return 'int64';
    case 'double':
      return 'float64';
    case 'char':
      return 'byte';
    case 'ListNode':
    case 'TreeNode':
      return `*${type.kind}`;
    case 'array':
    case 'list':
      return `[]${goType(type.of)}`;
  }
}

export function goStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${p.name} ${goType(p.type)}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    `func ${signature.names.go}(${params}) ${goType(signature.returns)} {\n    \n}`
  );
}
