/** Ruby: YARD spellings of the types (LeetCode's: `Integer[]`, `Character[][]`) and the starter code. */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { snakeCase } from '../shared/snake-case.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function rubyDocType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
    case 'long':
      return 'Integer';
    case 'double':
      return 'Float';
    case 'bool':
      return 'Boolean';
    case 'string':
      return 'String';
    case 'char':
      return 'Character';
    case 'ListNode':
    case 'TreeNode':
      return type.kind;
    case 'array':
    case 'list':
      return `${rubyDocType(type.of)}[]`;
  }
}

/** The method's name: LeetCode's, in snake case. */
export function rubyMethod(signature: FunctionSignature): string {
  return snakeCase(signature.names.ruby);
}

export function rubyStarter(signature: FunctionSignature): string {
  const doc = [
    ...signature.params.map((p) => `# @param {${rubyDocType(p.type)}} ${snakeCase(p.name)}`),
    `# @return {${rubyDocType(signature.returns)}}`,
  ].join('\n');
  const names = signature.params.map((p) => snakeCase(p.name)).join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    `${doc}\ndef ${rubyMethod(signature)}(${names})\n    \nend`
  );
}
