/** C++17: how the grammar's types are spelled (`vector<int>`, `ListNode*`) and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, type TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function cppType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'double':
    case 'bool':
    case 'char':
      return type.kind;
    case 'long':
      return 'long long';
    case 'string':
      return 'string';
    case 'ListNode':
    case 'TreeNode':
      return `${type.kind}*`;
    case 'array':
    case 'list':
      return `vector<${cppType(type.of)}>`;
  }
}

/** Parameters as LeetCode declares them: vectors by reference, everything else by value. */
export function cppParam(type: TypeNode, name: string): string {
  return isSequence(type) ? `${cppType(type)}& ${name}` : `${cppType(type)} ${name}`;
}

export function cppStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => cppParam(p.type, p.name)).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    'class Solution {\npublic:\n' +
    `    ${cppType(signature.returns)} ${signature.names.cpp}(${params}) {\n        \n    }\n};`
  );
}
