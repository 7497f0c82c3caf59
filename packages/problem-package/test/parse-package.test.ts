import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZip } from '@arbiter/archive';
import { describe, expect, it } from 'vitest';
import {
  PackageError,
  packageFromFolder,
  packageFromZip,
  parsePackage,
  type PackageFile,
  type ProblemPackage,
} from '../src/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const files = (entries: Record<string, string>): PackageFile[] =>
  Object.entries(entries).map(([path, text]) => ({ path, bytes: Buffer.from(text), executable: false }));

const MINIMAL = {
  'problem.yaml': 'name: Minimal\n',
  'data/secret/1.in': '1\n',
  'data/secret/1.ans': '1\n',
};

function refusal(entries: Record<string, string>): PackageError {
  try {
    parsePackage(files(entries));
  } catch (e) {
    expect(e).toBeInstanceOf(PackageError);
    return e as PackageError;
  }
  throw new Error('the package was accepted');
}

describe('legacy package', () => {
  let pkg: ProblemPackage;

  it('reads problem.yaml, statements, limits and the DOMjudge .timelimit', async () => {
    pkg = parsePackage(await packageFromFolder(fixture('legacy-hello')));
    expect(pkg.metadata.formatVersion).toBe('legacy');
    expect(pkg.title).toBe('Hello Floats');
    expect(pkg.metadata.types).toEqual(['pass-fail']);
    expect(pkg.metadata.keywords).toEqual(['easy', 'io']);
    expect(pkg.metadata.limits).toEqual({ timeMultiplier: 3, timeSafetyMargin: 1.5, memory: 512, output: 8 });
    expect(pkg.timeLimit).toBe(2);
    expect(pkg.validation).toBe('default');
    expect(pkg.metadata.validatorFlags).toBe('float_tolerance 1e-6');
    expect(pkg.statements.map((s) => [s.language, s.format, s.path])).toEqual([
      ['en', 'latex', 'problem_statement/problem.en.tex'],
      ['sv', 'latex', 'problem_statement/problem.sv.tex'],
    ]);
    expect(pkg.statements[0]?.text).toContain('\\problemname{Hello Floats}');
  });

  it('orders test data as the specification does: samples first, then file-name order with groups in place', () => {
    expect(pkg.testData.cases.map((c) => c.name)).toEqual([
      'sample/1',
      'secret/10',
      'secret/2',
      'secret/a_group/x',
      'secret/b',
    ]);
    expect(pkg.testData.cases.map((c) => c.sample)).toEqual([true, false, false, false, false]);
    const group = pkg.testData.cases.find((c) => c.name === 'secret/a_group/x');
    expect(group?.config.outputValidatorFlags).toBe('case_sensitive');
    expect(group?.input).toBe('data/secret/a_group/x.in');
    expect(pkg.testData.cases.find((c) => c.name === 'secret/b')?.config.outputValidatorFlags).toBe('');
    expect(pkg.testData.ignored).toEqual(['data/sample/1.desc']);
  });

  it('lists labelled submissions, a folder being one multi-file submission', () => {
    expect(pkg.submissions).toEqual([
      { label: 'accepted', path: 'submissions/accepted/half.py', files: ['half.py'] },
      { label: 'accepted', path: 'submissions/accepted/multi', files: ['Main.java', 'Util.java'] },
      { label: 'wrong_answer', path: 'submissions/wrong_answer/empty.cpp', files: ['empty.cpp'] },
    ]);
    expect(pkg.report.found).toContain('1 sample and 4 secret test case(s)');
    expect(pkg.report.unsupported).toEqual([]);
  });

  it('reads the same package from a zip, with or without its folder at the top', async () => {
    const folder = await packageFromFolder(fixture('legacy-hello'));
    const atRoot = parsePackage(await packageFromZip(await writeZip(folder)));
    expect(atRoot.testData.cases).toEqual(pkg.testData.cases);
    const nested = await writeZip(folder.map((f) => ({ ...f, path: `hello/${f.path}` })));
    expect(parsePackage(await packageFromZip(nested)).testData.cases).toEqual(pkg.testData.cases);
  });
});

describe('2023-07 package', () => {
  it('reads names by language, type, limits, Markdown statements and group configs', async () => {
    const pkg = parsePackage(await packageFromFolder(fixture('modern-scoring')));
    expect(pkg.metadata.formatVersion).toBe('2023-07');
    expect(pkg.metadata.names).toEqual({ en: 'Sum Groups', sv: 'Summagrupper' });
    expect(pkg.title).toBe('Sum Groups');
    expect(pkg.metadata.types).toEqual(['scoring']);
    expect(pkg.metadata.keywords).toEqual(['math', 'groups']);
    expect(pkg.metadata.limits).toEqual({
      timeLimit: 1.5,
      timeMultiplier: 2.5,
      timeSafetyMargin: 1.5,
      memory: 256,
      output: 8,
    });
    expect(pkg.timeLimit).toBe(1.5);
    expect(pkg.statements.map((s) => [s.language, s.format])).toEqual([
      ['en', 'markdown'],
      ['sv', 'markdown'],
    ]);
    const [, one, two] = pkg.testData.cases;
    expect(one?.config).toMatchObject({ acceptScore: 40, outputValidatorFlags: 'space_change_sensitive' });
    expect(two?.config).toMatchObject({ acceptScore: 60, outputValidatorFlags: 'case_sensitive' });
    // partially_accepted is read in 2023-07 packages too, as problemtools reads it (its oddecho example).
    expect(pkg.submissions.map((s) => s.label)).toEqual(['accepted', 'partially_accepted', 'rejected']);
    // Scoring problems are judged: only the unknown key is reported.
    expect(pkg.report.unsupported).toEqual(['problem.yaml: allow_file_writing']);
  });

  it('scoring: refuses a range that is not two numbers in order, names the file; reports custom grading', () => {
    const bad = () =>
      parsePackage(
        files({
          ...MINIMAL,
          'problem.yaml': 'type: scoring\n',
          'data/secret/testdata.yaml': 'range: 10 0\n',
        }),
      );
    expect(bad).toThrow(/data\/secret\/testdata\.yaml: range: "10 0" is not two numbers/);
    const custom = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml': 'type: scoring\n',
        'data/testdata.yaml': 'grading: custom\nrange: -inf +inf\n',
      }),
    );
    expect(custom.testData.config).toMatchObject({ grading: 'custom', range: '-inf +inf' });
    expect(custom.report.unsupported.join('\n')).toMatch(/data\/testdata\.yaml: grading custom/);
  });

  it('takes the title from the statement when problem.yaml has none, and interactive means custom validation', () => {
    const pkg = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml': 'type: pass-fail\n',
        'problem_statement/problem.tex': '\\problemname{From TeX}',
      }),
    );
    expect(pkg.title).toBe('From TeX');
    const interactive = refusal({
      ...MINIMAL,
      'problem.yaml': 'problem_format_version: 2023-07\nname: I\ntype: [pass-fail, interactive]\n',
    });
    expect(interactive.issues).toEqual([
      { file: 'problem.yaml', message: expect.stringContaining('output_validator/') },
    ]);
  });
});

describe('2025-09 package', () => {
  it('reads it as 2023-07, validator args lists as flags, reporting the keys it does not apply', async () => {
    const pkg = parsePackage(await packageFromFolder(fixture('finished-floats')));
    expect(pkg.metadata.formatVersion).toBe('2025-09');
    expect(pkg.title).toBe('Half');
    expect(pkg.metadata.uuid).toBe('0c7f9a52-6d1e-4b8a-a3f4-2e5d6c7b8a90');
    expect(pkg.statements.map((s) => s.path)).toEqual(['statement/problem.en.md']);
    expect(pkg.validation).toBe('default');
    const secret = pkg.testData.cases.filter((c) => !c.sample);
    expect(secret.map((c) => c.config.outputValidatorFlags)).toEqual([
      'float_tolerance 1e-6',
      'float_tolerance 1e-6',
    ]);
    expect(secret[0]?.config).toMatchObject({
      inputValidatorFlags: '--max 1000',
      outputValidatorFlagsFile: 'data/secret/test_group.yaml',
    });
    expect(pkg.testData.cases[0]?.config.outputValidatorFlags).toBe('');
    expect(pkg.report.unsupported).toEqual([
      'problem.yaml: allow_file_writing (submissions may write in their working directory as always)',
      'problem.yaml: constants ({{name}} is not substituted in statements, validators, submissions or test_group.yaml)',
      'data/secret/test_group.yaml: full_feedback (not applied)',
    ]);
    expect(pkg.report.warnings).toEqual([]);
  });

  it('warns without a uuid, reports scoring keys it does not apply, refuses bad or doubled validator args', () => {
    const base = {
      'problem.yaml': 'problem_format_version: 2025-09\nname: S\ntype: scoring\n',
      'data/secret/g/1.in': '1\n',
      'data/secret/g/1.ans': '1\n',
    };
    const pkg = parsePackage(
      files({
        ...base,
        'data/secret/g/test_group.yaml': 'max_score: 30\nscore_aggregation: min\nrequire_pass: sample\n',
        'data/secret/g/1.yaml': 'output_validator_args: [case_sensitive]\n',
      }),
    );
    expect(pkg.report.warnings).toContain('problem.yaml: no uuid, which 2025-09 requires');
    expect(pkg.report.unsupported).toEqual([
      'data/secret/g/test_group.yaml: max_score (not applied)',
      'data/secret/g/test_group.yaml: score_aggregation (not applied)',
      'data/secret/g/test_group.yaml: require_pass (not applied)',
      'test case configuration (not applied): data/secret/g/1.yaml',
    ]);
    const spaced = refusal({
      ...base,
      'data/secret/g/test_group.yaml': "output_validator_args: ['float_tolerance 1']\n",
    });
    expect(spaced.issues[0]?.file).toBe('data/secret/g/test_group.yaml');
    expect(spaced.issues[0]?.message).toContain('one non-empty word');
    const both = refusal({
      ...base,
      'data/secret/g/test_group.yaml':
        'output_validator_flags: case_sensitive\noutput_validator_args: [case_sensitive]\n',
    });
    expect(both.issues).toEqual([
      {
        file: 'data/secret/g/test_group.yaml',
        message: 'sets both output_validator_flags and output_validator_args; use one',
      },
    ]);
    // A flag the default validator does not know is refused, naming the file, as with output_validator_flags.
    const unknown = refusal({ ...base, 'data/secret/g/test_group.yaml': 'output_validator_args: [loose]\n' });
    expect(unknown.issues[0]?.file).toBe('data/secret/g/test_group.yaml');
  });
});

describe('multi-pass packages', () => {
  it('2023-07: type multi-pass (alone or with interactive) is judged, validation_passes defaults to 2', () => {
    const pkg = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml': 'problem_format_version: 2023-07\nname: M\ntype: multi-pass\n',
        'output_validator/v.py': 'import sys\nsys.exit(42)\n',
      }),
    );
    expect(pkg.metadata.types).toEqual(['multi-pass']);
    expect(pkg.metadata.validationPasses).toBe(2);
    expect(pkg.validation).toBe('custom');
    expect(pkg.report.unsupported).toEqual([]);
    const both = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml':
          'problem_format_version: 2023-07\nname: M\ntype: [multi-pass, interactive]\nlimits:\n  validation_passes: 5\n',
        'output_validator/v.py': 'import sys\nsys.exit(42)\n',
      }),
    );
    expect(both.metadata.types).toEqual(['multi-pass', 'interactive']);
    expect(both.metadata.validationPasses).toBe(5);
    expect(both.report.unsupported).toEqual([]);
  });

  it("legacy: DOMjudge's validation: custom multi-pass, limits.validation_passes and an output_validator/ folder", () => {
    const pkg = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml': 'name: Hangman\nvalidation: custom multi-pass\nlimits:\n  validation_passes: 26\n',
        'output_validator/validator.py': 'import sys\nsys.exit(42)\n',
      }),
    );
    expect(pkg.metadata.types).toEqual(['pass-fail', 'multi-pass']);
    expect(pkg.metadata.validationPasses).toBe(26);
    expect(pkg.outputValidators).toEqual(['output_validator/validator.py']);
    expect(pkg.report.unsupported).toEqual([]);
    expect(pkg.report.warnings.join('\n')).toMatch(/output_validator\/ in a legacy package/);
  });

  it('refuses validation_passes below 2 (the specification) or above what Arbiter runs', () => {
    for (const passes of [1, 1001]) {
      const refused = refusal({
        ...MINIMAL,
        'problem.yaml': `problem_format_version: 2023-07\nname: M\ntype: multi-pass\nlimits:\n  validation_passes: ${passes}\n`,
        'output_validator/v.py': 'import sys\nsys.exit(42)\n',
      });
      expect(refused.issues).toEqual([
        { file: 'problem.yaml', message: expect.stringContaining('limits.validation_passes') },
      ]);
    }
  });
});

describe('bad packages', () => {
  it('names problem.yaml when it is missing, not YAML, or has a bad field', () => {
    expect(refusal({ 'data/secret/1.in': '' }).issues).toEqual([
      { file: 'problem.yaml', message: 'missing at the root of the package' },
    ]);
    expect(refusal({ ...MINIMAL, 'problem.yaml': 'name: [unclosed\n' }).message).toMatch(
      /^problem.yaml: not valid YAML/,
    );
    const limits = refusal({
      ...MINIMAL,
      'problem.yaml': 'limits:\n  memory: -5\n  time_multiplier: fast\n',
    });
    expect(limits.issues.map((i) => [i.file, i.message.split(':')[0]])).toEqual([
      ['problem.yaml', 'limits.memory'],
      ['problem.yaml', 'limits.time_multiplier'],
    ]);
    expect(refusal({ ...MINIMAL, 'problem.yaml': 'validation: custom sometimes\n' }).message).toContain(
      'validation',
    );
    expect(refusal({ ...MINIMAL, 'problem.yaml': 'problem_format_version: 2099-01\n' }).message).toContain(
      'not supported',
    );
    expect(refusal({ ...MINIMAL, 'problem.yaml': 'problem_format_version: 2023-07\n' }).message).toContain(
      'name',
    );
  });

  it('names a test file without its partner, and a package without test data', () => {
    const lone = refusal({ ...MINIMAL, 'data/secret/g/2.in': '1', 'data/sample/s.ans': '2' });
    expect(lone.issues).toEqual([
      { file: 'data/sample/s.ans', message: 'has no s.in beside it' },
      { file: 'data/secret/g/2.in', message: 'has no 2.ans beside it' },
    ]);
    expect(refusal({ 'problem.yaml': 'name: x\n', 'data/sample/1.in': '' }).issues).toEqual([
      { file: 'data/sample/1.in', message: 'has no 1.ans beside it' },
    ]);
    expect(refusal({ 'problem.yaml': 'name: x\n', 'data/secret/notes.txt': '' }).issues).toEqual([
      { file: 'data', message: 'no test case (an .in with its .ans) in data/sample or data/secret' },
    ]);
  });

  it('takes a package with sample data only, warning that the specification asks for secret data', () => {
    const pkg = parsePackage(
      files({ 'problem.yaml': 'name: x\n', 'data/sample/1.in': '1', 'data/sample/1.ans': '2' }),
    );
    expect(pkg.testData.cases.map((c) => c.name)).toEqual(['sample/1']);
    expect(pkg.report.warnings.join('\n')).toMatch(/data\/secret: no secret test case/);
    expect(pkg.report.found).toContain('1 sample and 0 secret test case(s)');
  });

  it('reports legacy grading keys and graders/ that Arbiter does not follow, and refuses a bad objective', () => {
    const scoring = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml':
          'name: Minimal\ntype: scoring\ngrading:\n  objective: min\n  show_test_data_groups: false\n  colour: red\n',
        'data/secret/testdata.yaml': 'grading: custom\n',
        'graders/grader.py': 'print("AC 1")\n',
      }),
    );
    const lines = scoring.report.unsupported.join('\n');
    expect(lines).toMatch(/problem\.yaml: grading\.objective min \(not supported: /);
    expect(lines).toMatch(/problem\.yaml: grading\.show_test_data_groups false \(not supported: /);
    expect(lines).toMatch(/problem\.yaml: grading\.colour/);
    expect(lines).toMatch(/graders\/: the custom grader is not run/);

    const plain = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml': 'name: Minimal\ngrading:\n  objective: max\n',
        'graders/grader.py': '',
      }),
    );
    expect(plain.report.unsupported).toEqual([
      'problem.yaml: grading (only for scoring problems; ignored)',
      'graders/: not used (no test data group of a scoring problem says grading: custom; Arbiter does not run custom graders)',
    ]);

    const bad = refusal({
      ...MINIMAL,
      'problem.yaml': 'name: M\ntype: scoring\ngrading:\n  objective: least\n',
    });
    expect(bad.issues[0]?.message).toMatch(/grading\.objective: must be "max" or "min"/);
  });

  it('names the file that set bad validator flags', () => {
    const group = refusal({
      ...MINIMAL,
      'data/secret/testdata.yaml': 'output_validator_flags: ignore_case\n',
      'data/secret/g/1.in': '',
      'data/secret/g/1.ans': '',
    });
    expect(group.issues).toEqual([
      {
        file: 'data/secret/testdata.yaml',
        message: 'validator flags: unknown default validator flag "ignore_case"',
      },
    ]);
    const root = refusal({ ...MINIMAL, 'problem.yaml': 'validator_flags: float_tolerance\n' });
    expect(root.issues[0]?.file).toBe('problem.yaml');
    const badConfig = refusal({ ...MINIMAL, 'data/secret/testdata.yaml': 'on_reject: sometimes\n' });
    expect(badConfig.message).toMatch(/^data\/secret\/testdata.yaml: on_reject/);
  });

  it('refuses custom validation without a validator, and a bad .timelimit', () => {
    expect(refusal({ ...MINIMAL, 'problem.yaml': 'validation: custom\n' }).issues[0]).toEqual({
      file: 'problem.yaml',
      message: 'validation is custom but output_validators/ is empty',
    });
    expect(refusal({ ...MINIMAL, '.timelimit': 'soon' }).issues[0]?.file).toBe('.timelimit');
  });

  it('refuses zips and folders that break the archive rules, naming the entry', async () => {
    const zip = await writeZip([
      { path: 'problem.yaml', bytes: 'x' },
      { path: 'problem.yaml', bytes: 'y' },
    ]);
    const error = await packageFromZip(zip).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).issues[0]?.file).toBe('problem.yaml');
    expect(
      await packageFromZip(await writeZip([{ path: 'a/b.txt', bytes: '' }])).catch((e: unknown) => e),
    ).toBeInstanceOf(PackageError);

    const dir = await mkdtemp(join(tmpdir(), 'pkg-'));
    try {
      await writeFile(join(dir, 'problem.yaml'), 'name: x\n');
      await symlink('/etc/passwd', join(dir, 'leak.in'));
      const folderError = await packageFromFolder(dir).catch((e: unknown) => e);
      expect(folderError).toBeInstanceOf(PackageError);
      expect((folderError as PackageError).message).toMatch(
        /^leak\.in: symbolic link to .*, outside the package/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
