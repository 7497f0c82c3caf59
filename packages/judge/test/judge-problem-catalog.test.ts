/**
 * Validates the problem catalog: every problem loads (its tests parse against its signature),
 * has samples, hidden tests of a reasonable size, a statement with constraints, and reference
 * solutions (Python, C++ and Java at least for function problems), and every reference solution
 * is ACCEPTED on submit in its language.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemLimits } from '@arbiter/problems';
import { judgeProblem, type CompileContext } from '../src/index.js';
import { testCatalog, testCompileContext, testSandbox } from './harness-test-kit.js';

const sandbox = testSandbox();
let context: CompileContext = {};
beforeAll(async () => {
  context = await testCompileContext();
});
afterAll(() => sandbox.close());

/** Hidden tests never leave the server, but they live in the repository: keep them small. */
const MAX_HIDDEN_BYTES = 2 * 1024 * 1024;

const catalog = await testCatalog();

describe.each([...catalog.values()])('$slug', (problem) => {
  it('is complete: samples, hidden tests, statement, reference solutions', async () => {
    expect(problem.samples.length).toBeGreaterThan(0);
    expect(problem.hidden.length).toBeGreaterThan(0);
    expect(problem.statement).toMatch(/## Constraints/);
    const { size } = await stat(join(problem.dir, 'tests', 'hidden.json'));
    expect(size).toBeLessThan(MAX_HIDDEN_BYTES);
    const languages = problem.solutions.map((s) => s.language);
    expect(languages).toEqual(expect.arrayContaining(['python', 'cpp', 'java']));
  });

  it.each(problem.solutions.map((s) => [s.file, s] as const))(
    'accepts solutions/%s',
    async (_file, solution) => {
      const outcome = await judgeProblem(
        {
          problem,
          language: solution.language,
          code: solution.code,
          mode: 'submit',
          limits: problemLimits(problem),
        },
        sandbox,
        {},
        context,
      );
      expect(outcome.compileOutput).not.toMatch(/error/);
      expect(outcome.failedTest).toBeNull();
      expect(outcome).toMatchObject({ verdict: 'ACCEPTED', passed: outcome.total });
    },
  );
});
