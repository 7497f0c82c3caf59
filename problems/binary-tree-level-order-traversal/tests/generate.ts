/**
 * Writes tests/hidden.json for binary-tree-level-order-traversal: the empty tree, one node, chains
 * (one value per level), complete trees, random trees, and the largest trees (2000 nodes).
 * Run: npx tsx problems/binary-tree-level-order-traversal/tests/generate.ts
 */
import { canonicalTree } from '@arbiter/problems';
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(109);
const V = 1000;

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

function levels(root: Node | null): number[][] {
  const out: number[][] = [];
  let level = root ? [root] : [];
  while (level.length > 0) {
    out.push(level.map((node) => node.val));
    level = level.flatMap((node) => [node.left, node.right]).filter((n): n is Node => n !== null);
  }
  return out;
}

const trees: (Node | null)[] = [null, randomTree(1, 0, -V, V), randomTree(2, 0, -V, V), complete(3, -V, V)];
trees.push(chain(6, 'left', -V, V), chain(6, 'right', -V, V), complete(15, 0, 0));
for (let k = 0; k < 15; k++) trees.push(randomTree(random.int(2, 60), random.pick([0, 0.5, 0.9]), -V, V));
trees.push(chain(2000, 'left', -V, V), chain(2000, 'right', -V, V), complete(2000, -V, V));
trees.push(randomTree(2000, 0, -V, V), randomTree(2000, 0.6, -V, V), randomTree(2000, 0.95, -V, V));

const tests = trees.map((tree) => ({ args: [serialize(tree)], expected: levels(tree) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(
  `binary-tree-level-order-traversal: ${tests.length} hidden tests, ${bytes} bytes` + '\n',
);
