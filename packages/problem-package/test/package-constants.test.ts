import { describe, expect, it } from 'vitest';
import {
  CONSTANT_LIMITS,
  PackageError,
  parsePackage,
  substituteConstants,
  type PackageFile,
  type ProblemPackage,
} from '../src/index.js';

const files = (entries: Record<string, string | Buffer>): PackageFile[] =>
  Object.entries(entries).map(([path, content]) => ({
    path,
    bytes: typeof content === 'string' ? Buffer.from(content) : content,
    executable: false,
  }));

const yaml = (constants: string, version = '2025-09') =>
  `problem_format_version: ${version}\nname: Constants\nuuid: 0e2c7f1a-5b7d-4c55-9b7e-1d2a3c4b5e6f\nlimits:\n  time_limit: 1\n${constants}`;

const DATA = { 'data/secret/1.in': '{{n}}\n', 'data/secret/1.ans': '{{n}}\n' };

function parsed(constants: string, more: Record<string, string | Buffer>, version?: string): ProblemPackage {
  return parsePackage(files({ 'problem.yaml': yaml(constants, version), ...DATA, ...more }));
}

const text = (pkg: ProblemPackage, path: string) => pkg.files.get(path)?.bytes.toString('utf8');

function refusal(constants: string, more: Record<string, string | Buffer> = {}): string[] {
  try {
    parsed(constants, more);
  } catch (e) {
    expect(e).toBeInstanceOf(PackageError);
    return (e as PackageError).issues.map((i) => `${i.file}: ${i.message}`);
  }
  throw new Error('the package was accepted');
}

describe('2025-09 constants', () => {
  it('substitutes {{name}} and {{name.variant}} in the files the specification lists, and nowhere else', () => {
    const pkg = parsed('constants:\n  n: 1000\n  k:\n    value: 5000000\n    tex: 5 \\cdot 10^6\n', {
      'statement/problem.en.md': 'At most {{n}} and ${{k.tex}}$ ({{k}}, {{k.value}}).\n',
      'input_validators/check.py': 'N = {{n}}\n',
      'output_validator/validate.cpp': 'const int N = {{n}};\n',
      'include/default/limits.h': '#define K {{k}}\n',
      'submissions/accepted/a.py': 'print({{n}})\n',
      'submissions/accepted/multi/part.py': 'K = {{k}}\n',
      'submissions/submissions.yaml': 'accepted/a.py:\n  message: "{{n}}"\n',
      'data/secret/test_group.yaml': 'output_validator_args: ["{{n}}"]\n',
      'data/test_group.yaml': 'input_validator_args: ["{{k}}"]\n',
      'attachments/tool.py': 'N = {{n}}\n',
      'solution/solution.en.md': '{{n}}\n',
    });
    expect(text(pkg, 'statement/problem.en.md')).toBe(
      'At most 1000 and $5 \\cdot 10^6$ (5000000, 5000000).\n',
    );
    expect(pkg.statements[0]?.text).toBe('At most 1000 and $5 \\cdot 10^6$ (5000000, 5000000).\n');
    expect(text(pkg, 'input_validators/check.py')).toBe('N = 1000\n');
    expect(text(pkg, 'output_validator/validate.cpp')).toBe('const int N = 1000;\n');
    expect(text(pkg, 'include/default/limits.h')).toBe('#define K 5000000\n');
    expect(text(pkg, 'submissions/accepted/a.py')).toBe('print(1000)\n');
    expect(text(pkg, 'submissions/accepted/multi/part.py')).toBe('K = 5000000\n');
    // test_group.yaml is read after substitution.
    expect(pkg.testData.cases[0]?.config.outputValidatorFlags).toBe('1000');
    expect(pkg.testData.cases[0]?.config.inputValidatorFlags).toBe('5000000');
    // Not listed: test data, problem.yaml, submissions.yaml, attachments, solutions.
    expect(text(pkg, 'data/secret/1.in')).toBe('{{n}}\n');
    expect(text(pkg, 'problem.yaml')).toContain('n: 1000');
    expect(text(pkg, 'submissions/submissions.yaml')).toContain('"{{n}}"');
    expect(text(pkg, 'attachments/tool.py')).toBe('N = {{n}}\n');
    expect(text(pkg, 'solution/solution.en.md')).toBe('{{n}}\n');
    expect(pkg.report.unsupported.join('\n')).not.toMatch(/constants/);
    expect(pkg.report.found.join('\n')).toMatch(/constants n, k, substituted in 8 file\(s\)/);
  });

  it('uses \\constant{name} in LaTeX statements, where {{name}} is left as it is', () => {
    const pkg = parsed('constants:\n  n: 7\n  k: {value: 10, tex: "10^1"}\n', {
      'statement/problem.en.tex': '\\problemname{}\n$n \\le \\constant{n}$, $\\constant{k.tex}$, {{n}}\n',
    });
    expect(text(pkg, 'statement/problem.en.tex')).toBe('\\problemname{}\n$n \\le 7$, $10^1$, {{n}}\n');
    // Markdown has no \constant.
    const md = parsed('constants:\n  n: 7\n', { 'statement/problem.en.md': '\\constant{n} {{n}}\n' });
    expect(text(md, 'statement/problem.en.md')).toBe('\\constant{n} 7\n');
  });

  it('prints integers in decimal exactly, floats as written, strings as they are', () => {
    const pkg = parsed(
      [
        'constants:',
        '  big: 12345678901234567890',
        '  negative: -42',
        '  zero: -0',
        '  padded: 007',
        '  hex: 0x1F',
        '  octal: 0o17',
        '  eps: 1e-6',
        '  half: 5.0',
        '  money: 2.50',
        '  word: "hello world"',
        '  quoted_number: "1e3"',
        '  unicode: "≤ 10⁹"',
        '  empty: ""',
        '  anchored: &a 99',
        '  aliased: *a',
        '',
      ].join('\n'),
      {
        'submissions/accepted/a.py':
          '{{big}} {{negative}} {{zero}} {{padded}} {{hex}} {{octal}} {{eps}} {{half}} {{money}} {{word}} {{quoted_number}} {{unicode}} [{{empty}}] {{aliased}}\n',
      },
    );
    expect(text(pkg, 'submissions/accepted/a.py')).toBe(
      '12345678901234567890 -42 0 7 31 15 1e-6 5.0 2.50 hello world 1e3 ≤ 10⁹ [] 99\n',
    );
  });

  it('leaves sequences that name no constant or variant as they are, with a warning', () => {
    const pkg = parsed('constants:\n  n: 3\n', {
      'statement/problem.en.md': '{{nextsample}} {{n.tex}} {{m}} {{ n }} {{{n}}} {{n}}} {n} {{n.}} {{1n}}\n',
      'submissions/accepted/a.py': 'print({{N}})\n',
    });
    expect(text(pkg, 'statement/problem.en.md')).toBe(
      '{{nextsample}} {{n.tex}} {{m}} {{ n }} {3} 3} {n} {{n.}} {{1n}}\n',
    );
    expect(text(pkg, 'submissions/accepted/a.py')).toBe('print({{N}})\n');
    const warnings = pkg.report.warnings.join('\n');
    expect(warnings).toContain('statement/problem.en.md: {{n.tex}} names no constant; left as it is');
    expect(warnings).toContain('statement/problem.en.md: {{m}} names no constant');
    expect(warnings).toContain('submissions/accepted/a.py: {{N}} names no constant');
    // The statement's own commands are not constants.
    expect(warnings).not.toContain('nextsample');
  });

  it('keeps binary files and every byte around a sequence', () => {
    const binary = Buffer.from([0x7b, 0x7b, 0x6e, 0x7d, 0x7d, 0x00, 0xff]);
    const latin1 = Buffer.concat([Buffer.from('{{n}} '), Buffer.from([0xe9, 0x0a])]);
    const crlf = Buffer.from('\ufeffN = {{n}}\r\n// é\r\n');
    const pkg = parsed('constants:\n  n: 3\n', {
      'include/default/blob.bin': binary,
      'include/default/latin1.txt': latin1,
      'include/default/crlf.py': crlf,
    });
    expect(pkg.files.get('include/default/blob.bin')?.bytes).toEqual(binary);
    expect(pkg.files.get('include/default/latin1.txt')?.bytes).toEqual(latin1);
    expect(pkg.files.get('include/default/crlf.py')?.bytes).toEqual(Buffer.from('\ufeffN = 3\r\n// é\r\n'));
  });

  it('keeps the given files unchanged (the stored package is the package as imported)', () => {
    const given = files({
      'problem.yaml': yaml('constants:\n  n: 3\n'),
      ...DATA,
      'submissions/accepted/a.py': 'print({{n}})\n',
    });
    const pkg = parsePackage(given);
    expect(text(pkg, 'submissions/accepted/a.py')).toBe('print(3)\n');
    expect(given.find((f) => f.path === 'submissions/accepted/a.py')?.bytes.toString()).toBe(
      'print({{n}})\n',
    );
  });

  it('substitutes nothing before 2025-09, where constants is not a key', () => {
    const pkg = parsed('constants:\n  n: 3\n', { 'submissions/accepted/a.py': 'print({{n}})\n' }, '2023-07');
    expect(text(pkg, 'submissions/accepted/a.py')).toBe('print({{n}})\n');
    expect(pkg.report.unsupported).toContain('problem.yaml: constants');
  });

  it('refuses bad names, types and maps, naming problem.yaml and the key', () => {
    expect(refusal('constants:\n  9lives: 1\n  bad-name: 2\n')).toEqual([
      'problem.yaml: constants: "9lives" is not a valid name ([a-zA-Z_][a-zA-Z0-9_]*)',
      'problem.yaml: constants: "bad-name" is not a valid name ([a-zA-Z_][a-zA-Z0-9_]*)',
    ]);
    expect(refusal('constants:\n  flag: true\n  list: [1, 2]\n  nothing: null\n')).toEqual([
      'problem.yaml: constants.flag: must be an integer, a float or a string',
      'problem.yaml: constants.list: must be an integer, a float or a string',
      'problem.yaml: constants.nothing: must be an integer, a float or a string',
    ]);
    expect(refusal('constants:\n  big: .inf\n')).toEqual([
      'problem.yaml: constants.big: must be a finite number',
    ]);
    expect(refusal('constants:\n  k:\n    tex: "10^3"\n')).toEqual([
      'problem.yaml: constants.k: a map needs its value key',
    ]);
    expect(refusal('constants:\n  k:\n    value: {a: 1}\n')).toEqual([
      'problem.yaml: constants.k.value: must be an integer, a float or a string',
    ]);
    expect(refusal('constants: [1, 2]\n')).toEqual([
      'problem.yaml: constants: must be a map of names to values',
    ]);
  });

  it('warns for a variant no sequence can name', () => {
    const pkg = parsed('constants:\n  k:\n    value: 1\n    long-form: one\n', {});
    expect(pkg.report.warnings.join('\n')).toContain('constants.k.long-form: no {{k.long-form}} can name');
  });

  it('refuses a file that substitution would blow up, naming it', () => {
    const big = 'x'.repeat(64 * 1024);
    const uses = '{{big}}\n'.repeat(CONSTANT_LIMITS.maxGrowthPerFile / big.length + 1);
    expect(refusal(`constants:\n  big: ${big}\n`, { 'submissions/accepted/a.py': uses })).toEqual([
      `submissions/accepted/a.py: substituting the constants would make it more than ${CONSTANT_LIMITS.maxGrowthPerFile} bytes larger`,
    ]);
    // Files that each stay under their own cap are capped together too.
    const warnings: string[] = [];
    const many = files({
      'a/x': '{{n}}{{n}}',
      'include/default/a': '{{n}}{{n}}',
      'include/default/b': '{{n}}{{n}}',
    });
    const limits = { maxGrowthPerFile: 100, maxGrowthTotal: 150 };
    const constants = new Map([['n', new Map([['value', 'v'.repeat(45)]])]]);
    expect(() => substituteConstants(many, constants, warnings, limits)).toThrow(
      "include/default/b: substituting the constants would make the package's files more than 150 bytes larger in all",
    );
    const one = substituteConstants(many.slice(0, 2), constants, warnings, limits);
    expect(one.substituted).toEqual(['include/default/a']);
  });
});
