/** JavaScript: JSDoc spellings of the types (LeetCode's), and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

/** JSDoc type as LeetCode writes it (`number[]`, `character[][]`, `ListNode`). */
export function jsDocType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'long':
    case 'double':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'string':
      return 'string';
    case 'char':
      return 'character';
    case 'ListNode':
    case 'TreeNode':
      return type.kind;
    case 'array':
    case 'list':
      return `${jsDocType(type.of)}[]`;
  }
}

export function javascriptStarter(signature: FunctionSignature): string {
  const doc = [
    '/**',
    ...signature.params.map((p) => ` * @param {${jsDocType(p.type)}} ${p.name}`),
    ` * @return {${jsDocType(signature.returns)}}`,
    ' */',
  ].join('\n');
  const names = signature.params.map((p) => p.name).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    `${doc}\nvar ${signature.names.javascript} = function(${names}) {\n    \n};`
  );
}
