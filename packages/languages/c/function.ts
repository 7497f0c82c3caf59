/**
 * C17 with LeetCode's conventions: arrays are a pointer plus a size (`int* nums, int numsSize`),
 * 2-D arrays add column sizes (`int* gridColSize`), returned arrays report their size through
 * `int* returnSize` (and `int** returnColumnSizes`). Supported: scalars, strings, `ListNode`,
 * `TreeNode`, and arrays (1-D or 2-D) of scalars or strings; not arrays of nodes.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, leafOf, nesting, type TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

const ELEMENT: Record<string, string> = {
  int: 'int',
  long: 'long long',
  double: 'double',
  bool: 'bool',
  char: 'char',
  string: 'char*',
};

/** Why C cannot express the type, or null when it can. */
export function cUnsupported(type: TypeNode): string | null {
  if (isSequence(type) && (leafOf(type).kind === 'ListNode' || leafOf(type).kind === 'TreeNode')) {
    return 'C does not support arrays of ListNode or TreeNode';
  }
  return null;
}

/** The C type of a value of `type` (pointers for arrays). */
export function cType(type: TypeNode): string {
  const leaf = leafOf(type);
  const base =
    leaf.kind === 'ListNode' || leaf.kind === 'TreeNode' ? `struct ${leaf.kind}*` : ELEMENT[leaf.kind];
  return `${base ?? 'void*'}${'*'.repeat(nesting(type))}`;
}

/** The C parameters standing for one parameter: the value, then its sizes. */
export function cParams(type: TypeNode, name: string): string[] {
  const params = [`${cType(type)} ${name}`];
  if (nesting(type) >= 1) params.push(`int ${name}Size`);
  if (nesting(type) === 2) params.push(`int* ${name}ColSize`);
  return params;
}

/** Out-parameters through which an array return value reports its sizes. */
export function cReturnParams(type: TypeNode): string[] {
  if (nesting(type) === 0) return [];
  return nesting(type) === 1 ? ['int* returnSize'] : ['int* returnSize', 'int** returnColumnSizes'];
}

const RETURN_NOTE: Record<number, string> = {
  1: '/**\n * Note: The returned array must be malloced, assume caller calls free().\n */\n',
  2:
    '/**\n * Return an array of arrays of size *returnSize.\n' +
    ' * The sizes of the arrays are returned as *returnColumnSizes array.\n' +
    ' * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().\n */\n',
};

export function cStarter(signature: FunctionSignature): string {
  const params = [
    ...signature.params.flatMap((p) => cParams(p.type, p.name)),
    ...cReturnParams(signature.returns),
  ].join(', ');
  return (
    nodeComments(NODE_COMMENTS, nodesUsed(signature)) +
    (RETURN_NOTE[nesting(signature.returns)] ?? '') +
    `${cType(signature.returns)} ${signature.names.c}(${params}) {\n    \n}`
  );
}
