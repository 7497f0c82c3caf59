/**
 * JSON values of a type: checking that a value fits a type (test files, custom inputs and
 * program answers), and putting trees in canonical form. Integers must be safe JavaScript
 * integers (|n| ≤ 2^53 − 1) so that they survive `JSON.parse` unchanged; `int` is 32-bit.
 */
import type { TypeNode } from '@arbiter/languages/signature';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Why `value` does not fit `type` (naming where, from `path`), or null when it fits. */
export function checkValue(type: TypeNode, value: unknown, path = ''): string | null {
  const here = path === '' ? 'value' : path;
  switch (type.kind) {
    case 'int':
      return isInt(value) ? null : `${here} must be a 32-bit integer, got ${show(value)}`;
    case 'long':
      return Number.isSafeInteger(value)
        ? null
        : `${here} must be an integer within ±2^53, got ${show(value)}`;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${here} must be a number, got ${show(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? null : `${here} must be true or false, got ${show(value)}`;
    case 'string':
      return typeof value === 'string' ? null : `${here} must be a string, got ${show(value)}`;
    case 'char':
      // One byte in C and C++, so ASCII only.
      return typeof value === 'string' && value.length === 1 && value.charCodeAt(0) < 128
        ? null
        : `${here} must be a one-character ASCII string, got ${show(value)}`;
    case 'ListNode':
      if (!Array.isArray(value))
        return `${here} must be a list of integers (a linked list), got ${show(value)}`;
      return firstError(value, (item, i) => (isInt(item) ? null : `${here}[${i}] must be a 32-bit integer`));
    case 'TreeNode':
      if (!Array.isArray(value))
        return `${here} must be a level-order list (a binary tree), got ${show(value)}`;
      if (value.length > 0 && value[0] === null) return `${here}[0] (the root) must not be null`;
      return firstError(value, (item, i) =>
        item === null || isInt(item) ? null : `${here}[${i}] must be a 32-bit integer or null`,
      );
    case 'array':
    case 'list': {
      if (!Array.isArray(value)) return `${here} must be a list, got ${show(value)}`;
      return firstError(value, (item, i) => checkValue(type.of, item, `${here}[${i}]`));
    }
  }
}

function isInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX;
}

function firstError<T>(items: T[], check: (item: T, index: number) => string | null): string | null {
  for (let i = 0; i < items.length; i++) {
    const error = check(items[i] as T, i);
    if (error !== null) return error;
  }
  return null;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The value with every tree in canonical level order (what the harnesses print). */
export function normalizeValue(type: TypeNode, value: unknown): unknown {
  if (type.kind === 'TreeNode' && Array.isArray(value)) return canonicalTree(value as (number | null)[]);
  if ((type.kind === 'array' || type.kind === 'list') && Array.isArray(value)) {
    const of = type.of;
    return value.map((item) => normalizeValue(of, item));
  }
  return value;
}

/**
 * LeetCode's level order: the root, then for each node taken from a queue its left and right
 * child (`null` for a missing child of a present node), trailing nulls trimmed.
 */
export function canonicalTree(levelOrder: (number | null)[]): (number | null)[] {
  if (levelOrder.length === 0 || levelOrder[0] === null || levelOrder[0] === undefined) return [];
  // Rebuild child links by index: the same walk the harnesses do.
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  const queue = [0];
  let next = 1;
  for (let head = 0; head < queue.length && next < levelOrder.length; head++) {
    const parent = queue[head] as number;
    for (const side of [left, right]) {
      if (next >= levelOrder.length) break;
      if (levelOrder[next] !== null) {
        side.set(parent, next);
        queue.push(next);
      }
      next++;
    }
  }
  const out: (number | null)[] = [];
  const walk: (number | null)[] = [0];
  for (let head = 0; head < walk.length; head++) {
    const node = walk[head];
    if (node === null || node === undefined) {
      out.push(null);
      continue;
    }
    out.push(levelOrder[node] as number);
    walk.push(left.get(node) ?? null, right.get(node) ?? null);
  }
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}
