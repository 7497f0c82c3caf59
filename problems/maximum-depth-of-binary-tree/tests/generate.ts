/**
 * Writes tests/hidden.json for maximum-depth-of-binary-tree: empty and tiny trees, random trees,
 * and the largest ones (10^4 nodes): a chain 10^4 deep (recursion depth), a complete tree, and
 * a random one. Run: npx tsx problems/maximum-depth-of-binary-tree/tests/generate.ts
 */
import { canonicalTree } from '@arbiter/problems';
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(4);

interface Node {
  val: number;
  left: Node | null;
  right: Node | null;
}

/** A random tree of `n` nodes: each new node hangs from a random free spot, or below the last one. */
function randomTree(n: number, chainBias: number): Node | null {
  if (n === 0) return null;
  const root: Node = { val: random.int(-100, 100), left: null, right: null };
  const nodes = [root];
  for (let i = 1; i < n; i++) {
    const node: Node = { val: random.int(-100, 100), left: null, right: null };
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

function levelOrder(root: Node | null): (number | null)[] {
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

function depth(root: Node | null): number {
  let best = 0;
  const stack: [Node | null, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [Node | null, number];
    if (!node) continue;
    best = Math.max(best, d);
    stack.push([node.left, d + 1], [node.right, d + 1]);
  }
  return best;
}

const trees: (Node | null)[] = [null, randomTree(1, 0), randomTree(2, 0), randomTree(3, 1)];
for (let k = 0; k < 16; k++) trees.push(randomTree(random.int(2, 60), random.pick([0, 0.5, 0.9])));
trees.push(randomTree(10_000, 1)); // a chain 10^4 deep
trees.push(randomTree(10_000, 0)); // shallow and bushy
trees.push(randomTree(10_000, 0.7));
const complete: (number | null)[] = Array.from({ length: 10_000 }, (_v, i) => (i % 201) - 100);

const tests = trees.map((tree) => ({ args: [levelOrder(tree)], expected: depth(tree) }));
tests.push({ args: [complete], expected: Math.floor(Math.log2(10_000)) + 1 });
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`maximum-depth-of-binary-tree: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
