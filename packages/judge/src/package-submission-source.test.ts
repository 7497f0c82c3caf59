/** A package submission's language by the format's table of file endings, its entry, and Prolog's goal. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { packageFromFolder, parsePackage, type ProblemPackage } from '@arbiter/problem-package';
import { expectedResultsHeader, submissionSource } from './package-submission-source.js';

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

  it("reads the header as DOMjudge does: any case, the line's results, the specification's names mapped, unknown ones named", () => {
    expect(expectedResultsHeader('// @expected_results@: correct,  timelimit \nint main(){}')).toEqual({
      verdicts: ['ACCEPTED', 'TIME_LIMIT_EXCEEDED'],
      unknown: [],
      repeated: false,
    });
    expect(
      expectedResultsHeader('# @EXPECTED_RESULTS@: RUN_TIME_ERROR, MEMORY-LIMIT, WRONG_ANSWER, SLOW\n'),
    ).toEqual({
      verdicts: ['RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED', 'WRONG_ANSWER'],
      unknown: ['SLOW'],
      repeated: false,
    });
    expect(
      expectedResultsHeader('/* @EXPECTED_RESULTS@: CORRECT */ /* @EXPECTED_RESULTS@: TIMELIMIT */')
        ?.repeated,
    ).toBe(true);
    expect(expectedResultsHeader('no header')).toBeUndefined();
  });

  it('finds the header in any file of a multi-file submission', () => {
    const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text), executable: false });
    const pkg = parsePackage([
      file('problem.yaml', 'name: X\n'),
      file('data/secret/1.in', '1\n'),
      file('data/secret/1.ans', '1\n'),
      file('submissions/mixed-verdicts/two/main.c', '#include "util.h"\nint main(){}\n'),
      file('submissions/mixed-verdicts/two/util.h', '/* @EXPECTED_RESULTS@: WRONG-ANSWER */\n'),
    ]);
    const [only] = pkg.submissions;
    expect(only && submissionSource(pkg, only, ALL)).toMatchObject({
      ok: true,
      expectedResults: ['WRONG_ANSWER'],
    });
  });

  it("takes DOMjudge's own endings the table lacks (R, Prolog's .plg, .f95, .bash), the table first (.pl: Perl only when it reads as Perl)", () => {
    const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text), executable: false });
    const pkg = parsePackage([
      file('problem.yaml', 'name: X\n'),
      file('data/secret/1.in', '1\n'),
      file('data/secret/1.ans', '1\n'),
      ...['a.R', 'b.r', 'c.plg', 'd.f95', 'e.bash', 'f.awk', 'g.csharp', 'h.p', 'i.pl'].map((name) =>
        file(`submissions/accepted/${name}`, 'x\n'),
      ),
      // DOMjudge's `.pl` is Perl: a source that reads as Perl (and has no Prolog clause) is judged as Perl.
      file(
        'submissions/accepted/j.pl',
        '# @EXPECTED_RESULTS@: CORRECT\n\nprint "Hello world!\\n";\n\nexit;\n',
      ),
      file('submissions/accepted/k.pl', '#!/usr/bin/perl\nuse strict;\nmy $x = <STDIN>;\n'),
      file('submissions/accepted/l.pl', 'main :- read(X), print(X), nl.\n'),
    ]);
    const languages = Object.fromEntries(
      pkg.submissions.map((s) => {
        const found = submissionSource(pkg, s, ALL);
        return [s.path.replace(/^submissions\/accepted\//, ''), found.ok ? found.language : found.note];
      }),
    );
    expect(languages).toEqual({
      'a.R': 'r',
      'b.r': 'r',
      'c.plg': 'prolog',
      'd.f95': 'fortran',
      'e.bash': 'bash',
      'f.awk': 'awk',
      'g.csharp': 'csharp',
      'h.p': 'pascal',
      'i.pl': 'prolog',
      'j.pl': 'perl',
      'k.pl': 'perl',
      'l.pl': 'prolog',
    });
  });

  it('takes a file with no language ending for no program (a disabled submission, a README)', () => {
    const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text), executable: false });
    const pkg = parsePackage([
      file('problem.yaml', 'name: X\n'),
      file('data/secret/1.in', '1\n'),
      file('data/secret/1.ans', '1\n'),
      file('submissions/accepted/a.c.disabled', 'int main() {}\n'),
      file('submissions/accepted/README', 'notes\n'),
    ]);
    for (const submission of pkg.submissions)
      expect(submissionSource(pkg, submission, ALL)).toMatchObject({ ok: false, notProgram: true });
  });

  it('lists a language no worker offers', async () => {
    const found = await sources(new Set<LanguageId>(['c']));
    expect(found['accepted/diff.lisp']).toEqual({ ok: false, note: 'no worker offers commonlisp' });
  });
});
