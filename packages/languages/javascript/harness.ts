/**
 * The JavaScript and TypeScript harness, appended after the user's code (so line numbers are the
 * user's own): `ListNode`/`TreeNode` as hoisted constructor functions unless the code defines its
 * own, then one IIFE that reads stdin and calls the user's function, however it was declared
 * (`var f = function`, `function f`, `const f = () =>`), once per test.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, type TypeNode } from '../signature/types.js';
import { definesType } from '../shared/source-scan.js';

const LIST_NODE = `function ListNode(val, next) {
  this.val = val === undefined ? 0 : val;
  this.next = next === undefined ? null : next;
}`;

const TREE_NODE = `function TreeNode(val, left, right) {
  this.val = val === undefined ? 0 : val;
  this.left = left === undefined ? null : left;
  this.right = right === undefined ? null : right;
}`;

const MAIN = `;(function () {
  const fs = require('fs');
  // The channel to the worker (protocol.ts) is fd 0, a socket. Node cannot move it away from fd 0; the
  // user's code can find it, but it only ever holds the test being run.
  const chunk = Buffer.alloc(1 << 16);
  let pending = Buffer.alloc(0);
  const receive = () => {
    for (;;) {
      const at = pending.indexOf(10);
      if (at >= 0) {
        const line = pending.subarray(0, at).toString('utf8');
        pending = pending.subarray(at + 1);
        return line;
      }
      let n;
      try {
        n = fs.readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        if (error && error.code === 'EOF') return null;
        throw error;
      }
      if (n === 0) return null;
      pending = Buffer.concat([pending, chunk.subarray(0, n)]);
    }
  };
  const send = (text) => {
    // stdout and stderr are blocking (the preload): the user's prints are out already.
    const data = Buffer.from(text + '\\n', 'utf8');
    for (let at = 0; at < data.length; ) at += fs.writeSync(0, data, at);
  };
  send('ready');
  const toList = (values) => {
    let head = null;
    for (let i = values.length - 1; i >= 0; i--) {
      const node = new ListNode(values[i]);
      node.next = head;
      head = node;
    }
    return head;
  };
  const fromList = (head) => {
    const out = [];
    for (let node = head; node !== null && node !== undefined; node = node.next) {
      out.push(node.val);
      if (out.length > 5000000) throw new Error('the returned linked list has a cycle');
    }
    return out;
  };
  const toTree = (values) => {
    if (values.length === 0) return null;
    const root = new TreeNode(values[0]);
    const queue = [root];
    let i = 1;
    for (let head = 0; head < queue.length && i < values.length; head++) {
      const node = queue[head];
      if (i < values.length && values[i] !== null) queue.push((node.left = new TreeNode(values[i])));
      i++;
      if (i < values.length && values[i] !== null) queue.push((node.right = new TreeNode(values[i])));
      i++;
    }
    return root;
  };
  const fromTree = (root) => {
    const out = [];
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (node === null || node === undefined) {
        out.push(null);
        continue;
      }
      out.push(node.val);
      if (out.length > 5000000) throw new Error('the returned tree has a cycle');
      queue.push(node.left, node.right);
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  };
  for (;;) {
    const line = receive();
    if (line === null) return;
    const space = line.indexOf(' ');
    const index = Number(line.slice(0, space));
    const args = JSON.parse(line.slice(space + 1));
    let payload;
    try {
      const method = typeof METHOD === 'function' ? METHOD : undefined;
      if (method === undefined) throw new ReferenceError('METHOD is not defined');
      ARGS
      const result = method(CALL);
      payload = JSON.stringify(RESULT);
      if (payload === undefined) payload = 'null';
    } catch (error) {
      const message = error instanceof Error ? error.name + ': ' + error.message : String(error);
      process.stderr.write((error instanceof Error && error.stack ? error.stack : message) + '\\n');
      send(index + ' error ' + JSON.stringify(message));
      process.exitCode = 1;
      return;
    }
    send(index + ' ok ' + payload);
  }
})();
`;

function toJs(type: TypeNode, expr: string, depth = 0): string {
  if (type.kind === 'ListNode') return `toList(${expr})`;
  if (type.kind === 'TreeNode') return `toTree(${expr})`;
  if (isSequence(type)) {
    const item = `x${depth}`;
    const inner = toJs(type.of, item, depth + 1);
    return inner === item ? expr : `${expr}.map((${item}) => ${inner})`;
  }
  return expr;
}

function fromJs(type: TypeNode, expr: string, depth = 0): string {
  if (type.kind === 'ListNode') return `fromList(${expr})`;
  if (type.kind === 'TreeNode') return `fromTree(${expr})`;
  if (isSequence(type)) {
    const item = `x${depth}`;
    const inner = fromJs(type.of, item, depth + 1);
    return inner === item ? expr : `Array.from(${expr}, (${item}) => ${inner})`;
  }
  return expr;
}

/** The full program (JavaScript, which is also valid input to the TypeScript transpile). */
export function javascriptHarness(signature: FunctionSignature, name: string, userCode: string): string {
  const args = signature.params.map((p, i) => `const a${i} = ${toJs(p.type, `args[${i}]`)};`).join(' ');
  const call = signature.params.map((_p, i) => `a${i}`).join(', ');
  const main = MAIN.replaceAll('METHOD', () => name)
    .replace('ARGS', () => args)
    .replace('CALL', () => call)
    .replace('RESULT', () => fromJs(signature.returns, 'result'));
  const nodes = [
    definesType(userCode, 'ListNode', 'js') ? '' : `${LIST_NODE}\n`,
    definesType(userCode, 'TreeNode', 'js') ? '' : `${TREE_NODE}\n`,
  ].join('');
  return `${userCode}\n${nodes}${main}`;
}
