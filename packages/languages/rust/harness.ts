/**
 * The Rust harness, all in `main.rs`: the user's code first (so rustc's messages and panics give the
 * user's own lines; a crate-level `allow` of unused-code lints shares its line 1), then what LeetCode
 * preloads unless the code defines it (`struct Solution`, `ListNode`, `TreeNode`), the runtime
 * (`rust/runtime.rs`, module `arb`) and a `main` that converts each test's arguments and calls
 * `Solution::<name>`.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { stripComments } from '../shared/source-scan.js';
import { rustMethod } from './function.js';

const ALLOW = '#![allow(dead_code, unused_imports, unused_variables, unused_mut, non_snake_case)] ';

const SOLUTION = 'pub struct Solution;\n';
const LIST_NODE = `#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    #[inline]
    fn new(val: i32) -> Self {
        ListNode { next: None, val }
    }
}
`;
const TREE_NODE = `#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
    pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
}

impl TreeNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}
`;

function defines(code: string, name: string): boolean {
  return new RegExp(`\\b(struct|enum|type)\\s+${name}\\b`).test(code);
}

export function rustHarness(signature: FunctionSignature, userCode: string): string {
  const code = stripComments(userCode);
  const preloaded =
    (defines(code, 'Solution') ? '' : SOLUTION) +
    (defines(code, 'ListNode') ? '' : LIST_NODE) +
    (defines(code, 'TreeNode') ? '' : TREE_NODE);
  const args = signature.params.map((_p, i) => `arb::from_json(&args[${i}])`).join(', ');
  const main = `fn main() {
    arb::serve(|args| {
        let result = Solution::${rustMethod(signature)}(${args});
        arb::to_json(&result)
    });
}
`;
  return `${ALLOW}${userCode}\n\n${preloaded}\n${runtimeSource(new URL('./runtime.rs', import.meta.url))}\n${main}`;
}
