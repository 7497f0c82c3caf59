/**
 * Binary trees for the tree problems' test generators: random trees, chains and complete trees
 * drawn from one seeded source, their LeetCode level-order form, and mirror images.
 */
import { canonicalTree } from './values.js';
import type { Random } from './generate.js';

export interface Node {
  val: number;
  left: Node | null;
  right: Node | null;
}

/** Tree shapes drawn from `random`, in the same order of draws as any generator using them. */
export function treeMaker(random: Random) {
  /** A random tree of `n` nodes: each new node hangs from a random free spot, or below the last one. */
  function randomTree(n: number, chainBias: number, lo: number, hi: number): Node | null {
    if (n === 0) return null;
    const root: Node = { val: random.int(lo, hi), left: null, right: null };
    const nodes = [root];
    for (let i = 1; i < n; i++) {
      const node: Node = { val: random.int(lo, hi), left: null, right: null };
      for (;;) {
        const parent = random.next() < chainBias ? (nodes[nodes.length - 1] as Node) : random.pick(nodes);
        const side = random.next() < 0.5 ? 'left' : 'right';
        if (parent[side] === null) {
          parent[side] = node;
          break;
        }
        const other = side === 'left' ? 'right' : 'left';
        if (parent[other] === null) {
          parent[other] = node;
          break;
        }
      }
      nodes.push(node);
    }
    return root;
  }

  /** A chain of `n` nodes, each the `side` child of the previous one. */
  function chain(n: number, side: 'left' | 'right', lo: number, hi: number): Node | null {
    let root: Node | null = null;
    for (let i = 0; i < n; i++)
      root = {
        val: random.int(lo, hi),
        left: side === 'left' ? root : null,
        right: side === 'right' ? root : null,
      };
    return root;
  }

  /** The first `n` nodes of a complete tree, in level order. */
  function complete(n: number, lo: number, hi: number): Node | null {
    const nodes: Node[] = Array.from({ length: n }, () => ({
      val: random.int(lo, hi),
      left: null,
      right: null,
    }));
    nodes.forEach((node, i) => {
      node.left = nodes[2 * i + 1] ?? null;
      node.right = nodes[2 * i + 2] ?? null;
    });
    return nodes[0] ?? null;
  }

  return { randomTree, chain, complete };
}

/** LeetCode's level order with `null` for missing children, trailing nulls trimmed. */
export function serializeTree(root: Node | null): (number | null)[] {
  const out: (number | null)[] = [];
  const queue: (Node | null)[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (!node) {
      out.push(null);
      continue;
    }
    out.push(node.val);
    queue.push(node.left, node.right);
  }
  return canonicalTree(out);
}

export function mirrorTree(root: Node | null): Node | null {
  if (!root) return null;
  return { val: root.val, left: mirrorTree(root.right), right: mirrorTree(root.left) };
}
