/** The function-signature grammar (`int[][]`, `ListNode`…) shared by the problem format and every function part. */
export type { FunctionSignature, Param } from './signature.js';
export * from './types.js';
export { nodesUsed } from './signature-nodes.js';
