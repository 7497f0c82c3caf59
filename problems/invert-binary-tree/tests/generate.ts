/**
 * Writes tests/hidden.json for invert-binary-tree: the empty tree, one node, chains leaning left
 * and right, complete trees, random trees, and the largest trees (100 nodes).
 * Run: npx tsx problems/invert-binary-tree/tests/generate.ts
 */
import { canonicalTree } from '@arbiter/problems';
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(107);

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

function mirror(root: Node | null): Node | null {
  if (!root) return null;
  return { val: root.val, left: mirror(root.right), right: mirror(root.left) };
}

const trees: (Node | null)[] = [null, randomTree(1, 0, -100, 100), randomTree(2, 0, -100, 100)];
trees.push(complete(3, -100, 100), complete(7, 0, 0), complete(6, -100, 100));
trees.push(chain(5, 'left', -100, 100), chain(5, 'right', -100, 100));
for (let k = 0; k < 14; k++) trees.push(randomTree(random.int(2, 40), random.pick([0, 0.5, 0.9]), -100, 100));
trees.push(chain(100, 'left', -100, 100), chain(100, 'right', -100, 100), complete(100, -100, 100));
trees.push(randomTree(100, 0, -100, 100), randomTree(100, 0.8, -100, 100), randomTree(100, 0.3, -2, 2));

const tests = trees.map((tree) => ({ args: [serialize(tree)], expected: serialize(mirror(tree)) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`invert-binary-tree: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
