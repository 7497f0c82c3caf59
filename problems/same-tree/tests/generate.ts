/**
 * Writes tests/hidden.json for same-tree: empty trees, one node, equal trees, trees differing in
 * one value deep down or in one missing node, mirror images, and the largest trees (100 nodes).
 * Run: npx tsx problems/same-tree/tests/generate.ts
 */
import { canonicalTree } from '@arbiter/problems';
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(108);
const V = 10_000;

interface Node {
  val: number;
  left: Node | null;
  right: Node | null;
}

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

function serialize(root: Node | null): (number | null)[] {
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

function copy(root: Node | null): Node | null {
  return root && { val: root.val, left: copy(root.left), right: copy(root.right) };
}

function mirror(root: Node | null): Node | null {
  return root && { val: root.val, left: mirror(root.right), right: mirror(root.left) };
}

function allNodes(root: Node | null): Node[] {
  const out: Node[] = [];
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    out.push(node);
    if (node.left) stack.push(node.left);
    if (node.right) stack.push(node.right);
  }
  return out;
}

/** A copy of `root` with one node's value changed. */
function changeValue(root: Node): Node {
  const other = copy(root) as Node;
  const node = random.pick(allNodes(other));
  node.val = node.val === V ? -V : node.val + 1;
  return other;
}

/** A copy of `root` with one leaf removed. */
function dropLeaf(root: Node): Node | null {
  const other = copy(root) as Node;
  if (!other.left && !other.right) return null;
  const parents = allNodes(other).filter(
    (n) => (n.left && !n.left.left && !n.left.right) || (n.right && !n.right.left && !n.right.right),
  );
  const parent = random.pick(parents);
  if (parent.left && !parent.left.left && !parent.left.right) parent.left = null;
  else parent.right = null;
  return other;
}

const pairs: [Node | null, Node | null][] = [
  [null, null],
  [null, randomTree(1, 0, -V, V)],
  [randomTree(1, 0, -V, V), null],
];
const one = randomTree(1, 0, -V, V);
pairs.push([one, copy(one)], [one, changeValue(one as Node)]);
const zeros = complete(7, 0, 0);
pairs.push([zeros, copy(zeros)], [zeros, dropLeaf(zeros as Node)]);
const leftRight = chain(2, 'left', 1, 1);
pairs.push([leftRight, mirror(leftRight)]);
for (let k = 0; k < 16; k++) {
  const tree = randomTree(random.int(2, 40), random.pick([0, 0.5, 0.9]), -V, V) as Node;
  const kind = k % 4;
  pairs.push([tree, [copy(tree), changeValue(tree), dropLeaf(tree), mirror(tree)][kind] ?? null]);
}
for (const big of [chain(100, 'left', -V, V), complete(100, -V, V), randomTree(100, 0.4, -V, V)]) {
  pairs.push([big, copy(big)], [big, changeValue(big as Node)], [big, dropLeaf(big as Node)]);
}
const twin = complete(100, 7, 7);
pairs.push([twin, mirror(twin)], [chain(100, 'left', 0, 0), chain(100, 'right', 0, 0)]);

const tests = pairs.map(([p, q]) => {
  const a = serialize(p);
  const b = serialize(q);
  return { args: [a, b], expected: JSON.stringify(a) === JSON.stringify(b) };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`same-tree: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
