/**
 * Kotlin: how the grammar's types are spelled (LeetCode's: `IntArray`, `Array<String>`, `Array<CharArray>`,
 * `List<List<Int>>`, `ListNode?`) and the starter code (`class Solution` with LeetCode's method names).
 */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

const SCALAR: Record<string, [name: string, primitiveArray: string | null]> = {
  int: ['Int', 'IntArray'],
  long: ['Long', 'LongArray'],
  double: ['Double', 'DoubleArray'],
  bool: ['Boolean', 'BooleanArray'],
  char: ['Char', 'CharArray'],
  string: ['String', null],
};

export function kotlinType(type: TypeNode): string {
  switch (type.kind) {
    case 'ListNode':
    case 'TreeNode':
      return `${type.kind}?`;
    case 'array':
      return SCALAR[type.of.kind]?.[1] ?? `Array<${kotlinType(type.of)}>`;
    case 'list':
      return `List<${kotlinType(type.of)}>`;
    default:
      return SCALAR[type.kind]?.[0] ?? 'Any?';
  }
}

export function kotlinStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${p.name}: ${kotlinType(p.type)}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    'class Solution {\n' +
    `    fun ${signature.names.kotlin}(${params}): ${kotlinType(signature.returns)} {\n        \n    }\n}`
  );
}
