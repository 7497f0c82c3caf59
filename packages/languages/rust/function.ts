/**
 * Rust: how the grammar's types are spelled (LeetCode's: `Vec<i32>`, `Vec<Vec<char>>`,
 * `Option<Box<ListNode>>`, `Option<Rc<RefCell<TreeNode>>>`) and the starter code (`impl Solution` with
 * snake-case names).
 */
import type { FunctionSignature } from '../signature/signature.js';
import type { TypeNode } from '../signature/types.js';
import { nodeComments } from '../shared/node-comments.js';
import { snakeCase } from '../shared/snake-case.js';
import { NODE_COMMENTS } from './node-comments.js';
import { nodesUsed } from '../signature/signature-nodes.js';

export function rustType(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
      return 'i32';
    case 'long':
      return 'i64';
    case 'double':
      return 'f64';
    case 'bool':
      return 'bool';
    case 'string':
      return 'String';
    case 'char':
      return 'char';
    case 'ListNode':
      return 'Option<Box<ListNode>>';
    case 'TreeNode':
      return 'Option<Rc<RefCell<TreeNode>>>';
    case 'array':
    case 'list':
      return `Vec<${rustType(type.of)}>`;
  }
}

/** The associated function's name: LeetCode's, in snake case. */
export function rustMethod(signature: FunctionSignature): string {
  return snakeCase(signature.names.rust);
}

export function rustStarter(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${snakeCase(p.name)}: ${rustType(p.type)}`).join(', ');
  const comments = nodeComments(NODE_COMMENTS, nodesUsed(signature));
  return (
    (comments === '' ? '' : `${comments}\n`) +
    'impl Solution {\n' +
    `    pub fn ${rustMethod(signature)}(${params}) -> ${rustType(signature.returns)} {\n        \n    }\n}`
  );
}
