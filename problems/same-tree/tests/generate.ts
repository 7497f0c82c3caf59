/**
 * Writes tests/hidden.json for same-tree: empty trees, one node, equal trees, trees differing in
 * one value deep down or in one missing node, mirror images, and the largest trees (100 nodes).
 * Run: npx tsx problems/same-tree/tests/generate.ts
 */
import {
  mirrorTree,
  seededRandom,
  serializeTree,
  treeMaker,
  writeTests,
  type TreeValue,
} from '@arbiter/problems/generate';

const random = seededRandom(108);
const V = 10_000;

type Node = TreeValue;
const { randomTree, chain, complete } = treeMaker(random);
const serialize = serializeTree;

function copy(root: Node | null): Node | null {
  return root && { val: root.val, left: copy(root.left), right: copy(root.right) };
}

const mirror = mirrorTree;

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
