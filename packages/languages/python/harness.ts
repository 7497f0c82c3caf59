/**
 * The Python harness: a prelude with LeetCode's imports and `ListNode`/`TreeNode`, the user's code
 * embedded as a string and compiled as `solution.py` (so line numbers in errors are the user's own,
 * and a syntax error becomes a `compile` record), then a loop calling `Solution().<method>` per test
 * received on the channel (see `protocol.ts`).
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, type TypeNode } from '../signature/types.js';

/** Deep recursion (DFS on a 300×300 grid) must work, as it does on LeetCode. */
const RECURSION_LIMIT = 300_000;

const PRELUDE = `from typing import *
import collections, heapq, bisect, math, itertools, functools, operator, string, re, random, sys
from collections import *
from heapq import *
from bisect import *
from itertools import *
from functools import *
from math import inf, gcd, lcm, sqrt, isqrt, ceil, floor, log, log2, comb, perm, factorial
from typing import List, Optional


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


# Nodes are made through the global names, so a solution's own ListNode/TreeNode is used when it has one.
def _arbiter_to_list(values):
    head = None
    for value in reversed(values):
        node = ListNode(value)
        node.next = head
        head = node
    return head


def _arbiter_from_list(head):
    out = []
    while head is not None:
        out.append(head.val)
        if len(out) > 5_000_000:
            raise ValueError('the returned linked list has a cycle')
        head = head.next
    return out


def _arbiter_to_tree(values):
    if not values:
        return None
    root = TreeNode(values[0])
    queue = collections.deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = TreeNode(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = TreeNode(values[i])
            queue.append(node.right)
        i += 1
    return root


def _arbiter_from_tree(root):
    out = []
    queue = collections.deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        if len(out) > 5_000_000:
            raise ValueError('the returned tree has a cycle')
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out
`;

const MAIN = `
def _arbiter_main():
    import json, linecache, os, sys, traceback

    sys.setrecursionlimit(${RECURSION_LIMIT})
    # The channel to the worker (protocol.ts) is fd 0, a socket: moved to a descriptor of its own, and fd 0
    # pointed at /dev/null, so input() and sys.stdin read nothing. The user's code can still find it, but it
    # only ever holds the test being run.
    channel = os.dup(0)
    null = os.open('/dev/null', os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    pending = bytearray()

    def receive():
        while True:
            at = pending.find(b'\\n')
            if at >= 0:
                line = bytes(pending[:at])
                del pending[:at + 1]
                return line
            chunk = os.read(channel, 1 << 16)
            if not chunk:
                return None
            pending.extend(chunk)

    def send(text):
        # The user's prints go first.
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()
            except Exception:
                pass
        data = (text + '\\n').encode('ascii')
        while data:
            data = data[os.write(channel, data):]

    def fail(index, error):
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != 'solution.py':
            tb = tb.tb_next
        # The last frames only: a RecursionError has hundreds of thousands.
        sys.stderr.write(''.join(traceback.format_exception(type(error), error, tb, limit=-40)))
        message = ''.join(traceback.format_exception_only(type(error), error)).strip()
        send(f'{index} error {json.dumps(message)}')
        sys.exit(1)

    source = _ARBITER_SOURCE
    linecache.cache['solution.py'] = (len(source), None, source.splitlines(True), 'solution.py')
    try:
        code = compile(source, 'solution.py', 'exec')
    except (SyntaxError, ValueError) as error:
        message = ''.join(traceback.format_exception_only(type(error), error))
        send('compile ' + json.dumps(message))
        sys.exit(1)
    # Before any of the user's code runs: a compile record after this one ends the run.
    send('ready')
    scope = globals()
    try:
        exec(code, scope)
    except BaseException as error:
        fail(0, error)

    while True:
        line = receive()
        if line is None:
            return
        head, _, body = line.partition(b' ')
        index = int(head)
        args = json.loads(body)
        try:
            solution = scope.get('Solution')
            if solution is None:
                raise NameError("name 'Solution' is not defined")
            method = getattr(solution(), METHOD)
            ARGS
            result = method(CALL)
            payload = json.dumps(RESULT, separators=(',', ':'))
        except BaseException as error:
            fail(index, error)
        send(f'{index} ok {payload}')


_arbiter_main()
`;

/** A Python expression converting JSON `expr` to the argument type, or `expr` itself when nothing changes. */
function toPython(type: TypeNode, expr: string, depth = 0): string {
  if (type.kind === 'ListNode') return `_arbiter_to_list(${expr})`;
  if (type.kind === 'TreeNode') return `_arbiter_to_tree(${expr})`;
  if (type.kind === 'double') return `float(${expr})`;
  if (isSequence(type)) {
    const item = `x${depth}`;
    const inner = toPython(type.of, item, depth + 1);
    return inner === item ? expr : `[${inner} for ${item} in ${expr}]`;
  }
  return expr;
}

/** A Python expression turning the return value into plain JSON data. */
function fromPython(type: TypeNode, expr: string, depth = 0): string {
  if (type.kind === 'ListNode') return `_arbiter_from_list(${expr})`;
  if (type.kind === 'TreeNode') return `_arbiter_from_tree(${expr})`;
  if (isSequence(type)) {
    const item = `x${depth}`;
    const inner = fromPython(type.of, item, depth + 1);
    return inner === item ? expr : `[${inner} for ${item} in ${expr}]`;
  }
  return expr;
}

export function pythonHarness(signature: FunctionSignature, userCode: string): string {
  const args = signature.params.map((p, i) => `a${i} = ${toPython(p.type, `args[${i}]`)}`).join('; ');
  const call = signature.params.map((_p, i) => `a${i}`).join(', ');
  const main = MAIN.replace('METHOD', () => JSON.stringify(signature.names.python))
    .replace('ARGS', () => args)
    .replace('CALL', () => call)
    .replace('RESULT', () => fromPython(signature.returns, 'result'));
  // JSON string syntax is valid Python string syntax.
  return `${PRELUDE}\n_ARBITER_SOURCE = ${JSON.stringify(userCode)}\n${main}`;
}
