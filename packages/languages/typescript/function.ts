/** TypeScript: how the grammar's types are spelled (`number[]`, `TreeNode | null`) and the starter code. */
import { nodeComments } from '../shared/node-comments.js';
import type { FunctionSignature } from '../signature/signature.js';
import { nodesUsed } from '../signature/signature-nodes.js';
import type { TypeNode } from '../signature/types.js';
import { NODE_COMMENTS } from './node-comments.js';

export function tsType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'long':
    case 'double':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'string':
    case 'char':
      return 'string';
    case 'ListNode':
    case 'TreeNode':
      return `${type.kind} | null`;
    case 'array':
    case 'list':
      return type.of.kind === 'ListNode' || type.of.kind === 'TreeNode'
        ? `Array<${tsType(type.of)}>`
        : `${tsType(type.of)}[]`;
  }
}

export function typescriptStarter(signature: FunctionSignature): string {
  const nodes = nodesUsed(signature);
  const params = signature.params.map((p) => `${p.name}: ${tsType(p.type)}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodes) +
    (nodes.length > 0 ? '\n' : '') +
    `function ${signature.names.typescript}(${params}): ${tsType(signature.returns)} {\n    \n};`
  );
}
