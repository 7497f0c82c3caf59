/** submissions/submissions.yaml (2025-09) and expectations.yaml (2023-07 drafts): globs, defaults, keys not applied. */
import { describe, expect, it } from 'vitest';
import {
  globMatches,
  PackageError,
  parsePackage,
  type PackageFile,
  type ProblemPackage,
} from '../src/index.js';

const files = (entries: Record<string, string>): PackageFile[] =>
  Object.entries(entries).map(([path, text]) => ({ path, bytes: Buffer.from(text), executable: false }));

const MODERN = {
  'problem.yaml': 'problem_format_version: 2025-09\nname: X\nuuid: 0b7c1e52-9d3a-4c86-a1f4-5e2d8b6c7a90\n',
  'statement/problem.en.md': '# X\n',
  'data/secret/1.in': '1\n',
  'data/secret/1.ans': '1\n',
};

const byPath = (pkg: ProblemPackage) =>
  Object.fromEntries(pkg.submissions.map((s) => [s.path.replace(/^submissions\//, ''), s]));

describe('submission globs', () => {
  it('match a path or a parent folder, `*` within one name, braces as alternatives', () => {
    expect(globMatches('accepted', 'accepted/a.py')).toBe(true);
    expect(globMatches('accepted/*', 'accepted/a.py')).toBe(true);
    expect(globMatches('*', 'accepted/a.py')).toBe(true);
    expect(globMatches('*.py', 'accepted/a.py')).toBe(false);
    expect(globMatches('accepted/{a,b}.{py,cpp}', 'accepted/b.cpp')).toBe(true);
    expect(globMatches('accepted/{a,b}.py', 'accepted/c.py')).toBe(false);
    expect(globMatches('secret/*-hard', 'secret/group1/x-hard')).toBe(false);
    expect(globMatches('secret/*-hard', 'secret/x-hard')).toBe(true);
    expect(globMatches('secret/g.1', 'secret/gx1')).toBe(false);
  });

  it('take spaces around an alternative and a final slash as BAPCtools does', () => {
    expect(globMatches('secret/*{ 4 }{ 2 }', 'secret/42')).toBe(true);
    expect(globMatches('secret/*{1, 3 }', 'secret/13')).toBe(true);
    expect(globMatches('accepted/', 'accepted/a.py')).toBe(true);
  });
});

describe('submissions.yaml', () => {
  it('gives each submission the rules of every key that matches it, a folder key replacing its defaults key by key', () => {
    const pkg = parsePackage(
      files({
        ...MODERN,
        'submissions/accepted/a.py': 'print(1)\n',
        'submissions/wrong_answer/w.py': 'print(2)\n',
        'submissions/mixed/m.py': 'print(3)\n',
        'submissions/other/o.py': 'print(4)\n',
        'submissions/direct.py': 'print(5)\n',
        'submissions/submissions.yaml': [
          'accepted/*:',
          '  score: 100',
          'wrong_answer:',
          '  permitted: [AC, WA, RTE]',
          'mixed:',
          '  sample:',
          '    permitted: [AC]',
          '  secret/*-hard:',
          '    required: [TLE]',
          '    score: [1, 2]',
          'direct.py:',
          '  permitted: [RTE]',
          '  language: python3',
          '  message: boom',
          '  colour: red',
          '  authors: Someone',
          '"**/x.py":',
          '  permitted: [AC]',
          '',
        ].join('\n'),
      }),
    );
    const subs = byPath(pkg);
    expect(Object.keys(subs)).toEqual([
      'accepted/a.py',
      'direct.py',
      'mixed/m.py',
      'other/o.py',
      'wrong_answer/w.py',
    ]);
    expect(subs['accepted/a.py']).toMatchObject({
      label: 'accepted',
      folder: 'accepted',
      expectations: [{ pattern: 'accepted/*', score: [100, 100] }],
      replacesFolder: false,
    });
    // The default (permitted AC, WA; required WA) with permitted replaced.
    expect(subs['wrong_answer/w.py']?.expectations).toEqual([
      { pattern: 'wrong_answer', permitted: ['AC', 'WA', 'RTE'], required: ['WA'] },
    ]);
    expect(subs['wrong_answer/w.py']?.replacesFolder).toBe(true);
    expect(subs['mixed/m.py']).toMatchObject({ label: null, folder: 'mixed' });
    expect(subs['mixed/m.py']?.expectations).toEqual([
      { pattern: 'mixed sample', cases: 'sample', permitted: ['AC'] },
      { pattern: 'mixed secret/*-hard', cases: 'secret/*-hard', required: ['TLE'] },
    ]);
    expect(subs['direct.py']).toMatchObject({
      label: null,
      folder: '',
      files: ['direct.py'],
      expectations: [{ pattern: 'direct.py', permitted: ['RTE'] }],
    });
    expect(subs['other/o.py']?.expectations).toBeUndefined();
    expect(pkg.report.unsupported).toEqual([
      "submissions/submissions.yaml: mixed.secret/*-hard.score (a group's score; not applied)",
      'submissions/submissions.yaml: direct.py.language (not applied)',
      'submissions/submissions.yaml: direct.py.message (not applied)',
      'submissions/submissions.yaml: direct.py.colour (unknown key; ignored)',
      "submissions/submissions.yaml: **/x.py (`**` and `[...]` are not part of the format's globs; ignored)",
    ]);
    expect(pkg.report.found).toContain(
      'submissions/submissions.yaml: 4 pattern(s), matching 4 submission(s)',
    );
    expect(pkg.report.warnings.join('\n')).toMatch(
      /submissions\/direct\.py, submissions\/mixed\/m\.py, submissions\/other\/o\.py: not in a folder the format names/,
    );
  });

  it("reads the 2023-07 drafts' expectations.yaml when there is no submissions.yaml", () => {
    const pkg = parsePackage(
      files({
        ...MODERN,
        'problem.yaml': 'problem_format_version: 2023-07-draft\nname: X\n',
        'submissions/accepted/a.py': 'print(1)\n',
        'submissions/expectations.yaml': 'accepted/a.py:\n  permitted: [AC]\n',
      }),
    );
    expect(pkg.submissions.map((s) => s.expectations)).toEqual([
      [{ pattern: 'accepted/a.py', permitted: ['AC'] }],
    ]);
  });

  it('refuses verdicts the format does not name, naming the file and the key', () => {
    expect(() =>
      parsePackage(
        files({
          ...MODERN,
          'submissions/accepted/a.py': 'print(1)\n',
          'submissions/submissions.yaml': 'accepted:\n  permitted: [AC, MLE]\n',
        }),
      ),
    ).toThrow(
      new PackageError([
        {
          file: 'submissions/submissions.yaml',
          message: 'accepted.permitted: must be a list of AC, WA, TLE, RTE',
        },
      ]),
    );
  });

  it('is not read in a legacy package, whose unnamed folders are listed', () => {
    const pkg = parsePackage(
      files({
        'problem.yaml': 'name: X\n',
        'data/secret/1.in': '1\n',
        'data/secret/1.ans': '1\n',
        'submissions/mixed-verdicts/a.py': 'print(1)\n',
        'submissions/submissions.yaml': 'mixed-verdicts:\n  permitted: [AC]\n',
      }),
    );
    expect(pkg.submissions).toEqual([
      { label: null, folder: 'mixed-verdicts', path: 'submissions/mixed-verdicts/a.py', files: ['a.py'] },
    ]);
  });
});
