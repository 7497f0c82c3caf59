/** Python 3: how the grammar's types are spelled (LeetCode's annotations) and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function pythonType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'long':
      return 'int';
    case 'double':
      return 'float';
    case 'bool':
      return 'bool';
    case 'string':
    case 'char':
      return 'str';
    case 'ListNode':
    case 'TreeNode':
      return `Optional[${type.kind}]`;
    case 'array':
    case 'list':
      return `List[${pythonType(type.of)}]`;
  }
}

export function pythonStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `, ${p.name}: ${pythonType(p.type)}`).join('');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    'class Solution:\n' +
    `    def ${signature.names.python}(self${params}) -> ${pythonType(signature.returns)}:\n        `
  );
}
