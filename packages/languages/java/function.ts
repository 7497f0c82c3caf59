/** Java: how the grammar's types are spelled (`int[]`, `List<Integer>`) and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

const PRIMITIVE: Record<string, [primitive: string, boxed: string]> = {
  int: ['int', 'Integer'],
  long: ['long', 'Long'],
  double: ['double', 'Double'],
  bool: ['boolean', 'Boolean'],
  char: ['char', 'Character'],
  string: ['String', 'String'],
};

export function javaType(type: TypeNode, boxed = false): string {
  switch (type.kind) {
    case 'ListNode':
    case 'TreeNode':
      return type.kind;
    case 'array':
      return `${javaType(type.of)}[]`;
    case 'list':
      return `List<${javaType(type.of, true)}>`;
    default: {
      const names = PRIMITIVE[type.kind] ?? ['Object', 'Object'];
      return boxed ? names[1] : names[0];
    }
  }
}

export function javaStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${javaType(p.type)} ${p.name}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    'class Solution {\n' +
    `    public ${javaType(signature.returns)} ${signature.names.java}(${params}) {\n        \n    }\n}`
  );
}
