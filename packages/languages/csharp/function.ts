/**
 * C#: how the grammar's types are spelled (LeetCode's: `int[]`, `char[][]`, `IList<IList<int>>`, `long`) and
 * the starter code (`public class Solution` with PascalCase method names).
 */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function csharpType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'long':
    case 'double':
    case 'bool':
    case 'string':
    case 'char':
    case 'ListNode':
    case 'TreeNode':
      return type.kind;
    case 'array':
      return `${csharpType(type.of)}[]`;
    case 'list':
      return `IList<${csharpType(type.of)}>`;
  }
}

/** The method's name: LeetCode's, with a capital first letter (`twoSum` → `TwoSum`). */
export function csharpMethod(signature: FunctionSignature): string {
  const name = signature.names.csharp;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function csharpStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${csharpType(p.type)} ${p.name}`).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    'public class Solution {\n' +
    `    public ${csharpType(signature.returns)} ${csharpMethod(signature)}(${params}) {\n        \n    }\n}`
  );
}
