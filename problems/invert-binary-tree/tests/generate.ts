/**
 * Writes tests/hidden.json for invert-binary-tree: the empty tree, one node, chains leaning left
 * and right, complete trees, random trees, and the largest trees (100 nodes).
 * Run: npx tsx problems/invert-binary-tree/tests/generate.ts
 */
import {
  mirrorTree,
  seededRandom,
  serializeTree,
  treeMaker,
  writeTests,
  type TreeValue,
} from '@arbiter/problems/generate';

const random = seededRandom(107);

type Node = TreeValue;
const { randomTree, chain, complete } = treeMaker(random);
const serialize = serializeTree;

const mirror = mirrorTree;

const trees: (Node | null)[] = [null, randomTree(1, 0, -100, 100), randomTree(2, 0, -100, 100)];
trees.push(complete(3, -100, 100), complete(7, 0, 0), complete(6, -100, 100));
trees.push(chain(5, 'left', -100, 100), chain(5, 'right', -100, 100));
for (let k = 0; k < 14; k++) trees.push(randomTree(random.int(2, 40), random.pick([0, 0.5, 0.9]), -100, 100));
trees.push(chain(100, 'left', -100, 100), chain(100, 'right', -100, 100), complete(100, -100, 100));
trees.push(randomTree(100, 0, -100, 100), randomTree(100, 0.8, -100, 100), randomTree(100, 0.3, -2, 2));

const tests = trees.map((tree) => ({ args: [serialize(tree)], expected: serialize(mirror(tree)) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`invert-binary-tree: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
