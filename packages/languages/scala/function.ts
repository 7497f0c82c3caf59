/** Scala: how the grammar's types are spelled (`Array[Int]`, `List[List[String]]`) and LeetCode's starter. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

const SCALAR: Record<string, string> = {
  int: 'Int',
  long: 'Long',
  double: 'Double',
  bool: 'Boolean',
  char: 'Char',
  string: 'String',
};

export function scalaType(type: TypeNode): string {
  switch (type.kind) {
    case 'ListNode':
    case 'TreeNode':
      return type.kind;
    case 'array':
      return `Array[${scalaType(type.of)}]`;
    case 'list':
      return `List[${scalaType(type.of)}]`;
    default:
      return SCALAR[type.kind] ?? 'Any';
  }
}

export function scalaStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${p.name}: ${scalaType(p.type)}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    'object Solution {\n' +
    `    def ${signature.names.scala}(${params}): ${scalaType(signature.returns)} = {\n        \n    }\n}`
  );
}
