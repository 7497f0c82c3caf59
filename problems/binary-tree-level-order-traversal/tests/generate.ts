/**
 * Writes tests/hidden.json for binary-tree-level-order-traversal: the empty tree, one node, chains
 * (one value per level), complete trees, random trees, and the largest trees (2000 nodes).
 * Run: npx tsx problems/binary-tree-level-order-traversal/tests/generate.ts
 */
import {
  seededRandom,
  serializeTree,
  treeMaker,
  writeTests,
  type TreeValue,
} from '@arbiter/problems/generate';

const random = seededRandom(109);
const V = 1000;

type Node = TreeValue;
const { randomTree, chain, complete } = treeMaker(random);
const serialize = serializeTree;

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
