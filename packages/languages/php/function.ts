/** PHP: PHPDoc spellings of the types (LeetCode's: `Integer[]`, `String[][]`) and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function phpDocType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'long':
      return 'Integer';
    case 'double':
      return 'Float';
    case 'bool':
      return 'Boolean';
    case 'string':
    case 'char':
      return 'String';
    case 'ListNode':
    case 'TreeNode':
      return type.kind;
    case 'array':
    case 'list':
      return `${phpDocType(type.of)}[]`;
  }
}

export function phpStarter(signature: FunctionSignature): string {
  const doc = [
    '    /**',
    ...signature.params.map((p) => `     * @param ${phpDocType(p.type)} $${p.name}`),
    `     * @return ${phpDocType(signature.returns)}`,
    '     */',
  ].join('\n');
  const names = signature.params.map((p) => `$${p.name}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    `class Solution {\n\n${doc}\n    function ${signature.names.php}(${names}) {\n        \n    }\n}`
  );
}
