/** JavaScript and TypeScript: JSDoc and TypeScript spellings of the types, and both starters. */
import type { FunctionSignature } from '../problem.js';
import type { TypeNode } from '../types.js';
import { nodeComments } from './node-comments.js';
import { nodesUsed } from './signature-nodes.js';

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

export function javascriptStarter(signature: FunctionSignature): string {
  const doc = [
    '/**',
    ...signature.params.map((p) => ` * @param {${jsDocType(p.type)}} ${p.name}`),
    ` * @return {${jsDocType(signature.returns)}}`,
    ' */',
  ].join('\n');
  const names = signature.params.map((p) => p.name).join(', ');
  return (
    nodeComments('javascript', nodesUsed(signature)) +
    `${doc}\nvar ${signature.names.javascript} = function(${names}) {\n    \n};`
  );
}

export function typescriptStarter(signature: FunctionSignature): string {
  const nodes = nodesUsed(signature);
  const params = signature.params.map((p) => `${p.name}: ${tsType(p.type)}`).join(', ');
  return (
    nodeComments('typescript', nodes) +
    (nodes.length > 0 ? '\n' : '') +
    `function ${signature.names.typescript}(${params}): ${tsType(signature.returns)} {\n    \n};`
  );
}
