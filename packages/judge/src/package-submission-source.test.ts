/** A package submission's language by the format's table of file endings, its entry, and Prolog's goal. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { packageFromFolder, parsePackage, type ProblemPackage } from '@arbiter/problem-package';
import { submissionSource } from './package-submission-source.js';

const FIXTURE = fileURLToPath(new URL('../../../tests/fixtures/packages/spec-languages', import.meta.url));
const ALL: ReadonlySet<LanguageId> = new Set(LANGUAGE_IDS);

async function sources(offered: ReadonlySet<LanguageId> = ALL) {
  const pkg: ProblemPackage = parsePackage(await packageFromFolder(FIXTURE));
  return Object.fromEntries(
    pkg.submissions.map((s) => [s.path.replace(/^submissions\//, ''), submissionSource(pkg, s, offered)]),
  );
}

describe('submissionSource', () => {
  it("takes the language from the format's table: Lisp, Prolog, Perl (.pm), Lua, Bash, Racket", async () => {
    const found = await sources();
    const languages = Object.fromEntries(
      Object.entries(found).map(([path, s]) => [path, s.ok ? s.language : s.note]),
    );
    expect(languages).toEqual({
      'accepted/diff.lisp': 'commonlisp',
      'accepted/diff.lua': 'lua',
      'accepted/diff.pm': 'perl',
      'accepted/diff.py2': 'Python 2 (.py2): not supported',
      'accepted/prolog': 'prolog',
      'run_time_error/crash.rkt': 'racket',
      'wrong_answer/sum.sh': 'bash',
    });
  });

  it('runs main/0 of a Prolog entry (found by its main clause) with every Prolog file of the submission loaded', async () => {
    const prolog = (await sources())['accepted/prolog'];
    expect(prolog?.ok).toBe(true);
    if (!prolog?.ok) return;
    // Every Prolog file of the submission is loaded, as the format's judges compile them all together.
    expect(prolog.code).toMatch(
      /^:- ensure_loaded\('numbers\.pl'\)\.\nmain :-\n[\s\S]*\n:- initialization\(main, main\)\.\n$/,
    );
    expect(Object.keys(prolog.files)).toEqual(['numbers.pl']);
  });

  it('reads a DOMjudge @EXPECTED_RESULTS@ header', () => {
    const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text), executable: false });
    const pkg = parsePackage([
      file('problem.yaml', 'name: X\n'),
      file('data/secret/1.in', '1\n'),
      file('data/secret/1.ans', '1\n'),
      file('submissions/accepted/slow.c', '/* @EXPECTED_RESULTS@: CORRECT, TIMELIMIT */\nint main(){}\n'),
    ]);
    const [only] = pkg.submissions;
    expect(only && submissionSource(pkg, only, ALL)).toMatchObject({
      ok: true,
      language: 'c',
      expectedResults: ['ACCEPTED', 'TIME_LIMIT_EXCEEDED'],
    });
  });

  it('lists a language no worker offers', async () => {
    const found = await sources(new Set<LanguageId>(['c']));
    expect(found['accepted/diff.lisp']).toEqual({ ok: false, note: 'no worker offers commonlisp' });
  });
});
