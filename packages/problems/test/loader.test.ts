/** Loading problems: the catalog, and errors that name the file and field. */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG_ROOT, loadCatalog, loadProblem, ProblemFormatError } from '../src/index.js';

const scratch = await mkdtemp(join(tmpdir(), 'problems-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A copy of two-sum under `name`, with files replaced. */
async function variant(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(scratch, name);
  await cp(join(CATALOG_ROOT, 'two-sum'), dir, { recursive: true });
  for (const [file, text] of Object.entries({ 'problem.yaml': YAML(name), ...files })) {
    await writeFile(join(dir, file), text);
  }
  return dir;
}

async function issues(dir: string): Promise<string[]> {
  try {
    await loadProblem(dir, scratch);
  } catch (error) {
    if (error instanceof ProblemFormatError)
      return error.issues.map((i) => `${i.file}: ${i.field}: ${i.message}`);
    throw error;
  }
  throw new Error('loaded without errors');
}

const YAML = (slug: string, changes: Record<string, string> = {}) =>
  Object.entries({
    slug,
    title: 'Two Sum',
    difficulty: 'easy',
    limits: '{ timeMs: 2000, memoryMb: 256 }',
    kind: 'function',
    function:
      "\n  name: twoSum\n  params:\n    - { name: nums, type: 'int[]' }\n    - { name: target, type: int }\n  returns: 'int[]'",
    comparator: 'anyOrder',
    ...changes,
  })
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');

describe('loadCatalog', () => {
  it('loads every problem of the repository, keyed by slug', async () => {
    const catalog = await loadCatalog(CATALOG_ROOT);
    expect([...catalog.keys()]).toEqual(expect.arrayContaining(['two-sum', 'a-plus-b', 'group-anagrams']));
    const twoSum = catalog.get('two-sum');
    expect(twoSum).toMatchObject({ kind: 'function', comparator: 'anyOrder', limits: { timeMs: 2000 } });
    expect(catalog.get('group-anagrams')).toMatchObject({
      comparator: 'checker',
      checker: expect.any(Function),
    });
    expect(catalog.get('a-plus-b')).toMatchObject({ kind: 'stdio' });
  });
});

describe('loadProblem errors name the file and the field', () => {
  it('schema errors in problem.yaml', async () => {
    const dir = await variant('bad-yaml', {
      'problem.yaml': YAML('bad-yaml', { difficulty: 'trivial', title: '' }),
    });
    const found = await issues(dir);
    expect(found).toContainEqual(expect.stringMatching(/^bad-yaml\/problem\.yaml: difficulty: /));
    expect(found).toContainEqual(expect.stringMatching(/^bad-yaml\/problem\.yaml: title: /));
  });

  it('unknown types, a slug that is not the folder, an impossible language', async () => {
    const dir = await variant('bad-types', {
      'problem.yaml': YAML('other-slug', {
        function: "\n  name: twoSum\n  params:\n    - { name: nums, type: 'integer[]' }\n  returns: 'int[]'",
      }),
    });
    const found = await issues(dir);
    expect(found).toContain('bad-types/problem.yaml: slug: must match the folder name "bad-types"');
    expect(found).toContainEqual(
      expect.stringMatching(
        /^bad-types\/problem\.yaml: function\.params\.0\.type: unknown type "integer\[\]"/,
      ),
    );
  });

  it('C listed for a signature it cannot express', async () => {
    const dir = await variant('bad-c', {
      'problem.yaml': YAML('bad-c', {
        function: "\n  name: f\n  params:\n    - { name: lists, type: 'ListNode[]' }\n  returns: ListNode",
        languages: '[python, c]',
      }),
    });
    expect(await issues(dir)).toContainEqual(
      expect.stringMatching(/^bad-c\/problem\.yaml: languages\.1: c is not possible here/),
    );
  });

  it('tests that do not fit the signature, by position', async () => {
    const dir = await variant('bad-tests', {
      'tests/sample.json': JSON.stringify([
        { args: [[1, 2], 3], expected: [0, 1] },
        { args: [[1, 2.5], 3], expected: [0] },
        { args: [[1]] },
      ]),
      'tests/hidden.json': '[{"args": [[1,2], 3], "expected": "0,1"}',
    });
    const found = await issues(dir);
    expect(found).toContainEqual(
      expect.stringMatching(
        /^bad-tests\/tests\/sample\.json: \[1\]\.args\[0\]: nums\[1\] must be a 32-bit integer/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^bad-tests\/tests\/sample\.json: \[2\]: must be an object with "args" and "expected"/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^bad-tests\/tests\/hidden\.json: : is not valid JSON/),
    );
  });

  it('missing files and a checker without comparator', async () => {
    const dir = await variant('bad-files', { 'checker.ts': 'export const check = () => true;\n' });
    await rm(join(dir, 'statement.md'));
    await writeFile(join(dir, 'solutions', 'solution.xyz'), 'puts 1\n');
    const found = await issues(dir);
    expect(found).toContain('bad-files/statement.md: : is missing');
    expect(found).toContain('bad-files/checker.ts: : is present but the comparator is not "checker"');
    expect(found).toContainEqual(
      expect.stringMatching(/^bad-files\/solutions\/solution\.xyz: : unknown extension/),
    );
  });

  it('loadCatalog reports the problems of every folder at once', async () => {
    const root = await mkdtemp(join(tmpdir(), 'catalog-test-'));
    try {
      await cp(join(CATALOG_ROOT, 'two-sum'), join(root, 'two-sum'), { recursive: true });
      await cp(join(CATALOG_ROOT, 'a-plus-b'), join(root, 'wrong-name'), { recursive: true });
      await cp(join(CATALOG_ROOT, 'a-plus-b'), join(root, 'also-wrong'), { recursive: true });
      await expect(loadCatalog(root)).rejects.toThrow(
        /also-wrong\/problem\.yaml: slug: [^]*wrong-name\/problem\.yaml: slug: /,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
