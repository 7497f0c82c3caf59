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
  fullFeedbackOf,
  inputValidatorFlagsFor,
  ROOT_CONFIG,
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
      { label: 'accepted', folder: 'accepted', path: 'submissions/accepted/half.py', files: ['half.py'] },
      {
        label: 'accepted',
        folder: 'accepted',
        path: 'submissions/accepted/multi',
        files: ['Main.java', 'Util.java'],
      },
      {
        label: 'wrong_answer',
        folder: 'wrong_answer',
        path: 'submissions/wrong_answer/empty.cpp',
        files: ['empty.cpp'],
      },
    ]);
    expect(pkg.report.found).toContain('1 sample and 4 secret test case(s)');
    expect(pkg.report.unsupported).toEqual([]);
  });

  it('leaves hidden entries of submissions/ out (.gitkeep, .git/), as problemtools and DOMjudge do', async () => {
    const folder = await packageFromFolder(fixture('legacy-hello'));
    const hidden = [
      'submissions/accepted/.gitkeep',
      'submissions/.hidden/a.py',
      'submissions/wrong_answer/.x/a.py',
    ];
    const withHidden = parsePackage([
      ...folder,
      ...hidden.map((path) => ({ path, bytes: Buffer.from('print(1)\n'), executable: false })),
    ]);
    expect(withHidden.submissions).toEqual(pkg.submissions);
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
        'graders/best.py': 'print("AC 1")\n',
      }),
    );
    expect(custom.testData.config).toMatchObject({ grading: 'custom', range: '-inf +inf' });
    expect(custom.graders).toEqual(['graders/best.py']);
    expect(custom.report.found).toContain('custom grader (graders/) for data/');
    expect(custom.report.unsupported.join('\n')).not.toMatch(/grad/);
    // grading: custom with no grader to run is refused, naming the file (problemtools refuses it too).
    expect(() =>
      parsePackage(
        files({
          ...MINIMAL,
          'problem.yaml': 'type: scoring\n',
          'data/secret/testdata.yaml': 'grading: custom\n',
        }),
      ),
    ).toThrow(/data\/secret\/testdata\.yaml: grading: custom, but graders\/ holds no grader/);
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
    ]);
    expect(secret.map((c) => c.config.fullFeedback)).toEqual([false, false]);
    expect(pkg.report.warnings).toEqual([]);
    // Its constants are substituted (package-constants.test.ts has the rules).
    expect(pkg.statements[0]?.text).toContain('$1 \\le n \\le 1000$');
    expect(pkg.report.found).toContain('constants max_n, substituted in 1 file(s): statement/problem.en.md');
  });

  it('warns without a uuid, reads the scoring keys, refuses bad or doubled validator args', () => {
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
    expect(pkg.report.unsupported).toEqual([]);
    expect(pkg.testData.cases[0]).toMatchObject({
      configFile: 'data/secret/g/1.yaml',
      config: { outputValidatorFlags: 'case_sensitive', outputValidatorFlagsFile: 'data/secret/g/1.yaml' },
    });
    expect(pkg.resultAggregation).toBe(true);
    const group = pkg.testData.groups[0]?.items[0];
    expect(group !== undefined && 'items' in group ? group.config : null).toMatchObject({
      maxScore: 30,
      scoreAggregation: 'min',
      requirePass: ['sample'],
    });
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

describe('2025-09 result aggregation (max_score, score_aggregation, require_pass)', () => {
  const scoring = (groups: Record<string, string>, version = '2025-09', type = 'scoring') =>
    files({
      'problem.yaml': `problem_format_version: ${version}\nname: S\ntype: ${type}\n`,
      'data/sample/1.in': '1\n',
      'data/sample/1.ans': '1\n',
      'data/secret/a/1.in': '1\n',
      'data/secret/a/1.ans': '1\n',
      'data/secret/b/1.in': '2\n',
      'data/secret/b/1.ans': '2\n',
      ...groups,
    });
  const messages = (entries: PackageFile[]): string[] => {
    try {
      parsePackage(entries);
    } catch (e) {
      if (e instanceof PackageError) return e.issues.map((i) => `${i.file}: ${i.message}`);
      throw e;
    }
    return [];
  };

  it('applies to every 2025-09 scoring package and to a 2023-07 one using its keys; legacy reports them', () => {
    const finished = parsePackage(
      scoring({
        'data/secret/a/test_group.yaml': 'max_score: 40\n',
        'data/secret/b/test_group.yaml':
          'max_score: 60\nscore_aggregation: sum\nrequire_pass: [sample, secret/a]\n',
      }),
    );
    expect(finished.resultAggregation).toBe(true);
    expect(finished.report.unsupported).toEqual([]);
    expect(parsePackage(scoring({}, '2023-07')).resultAggregation).toBe(false);
    expect(
      parsePackage(
        scoring(
          {
            'data/secret/a/test_group.yaml': 'max_score: 40\n',
            'data/secret/b/test_group.yaml': 'max_score: 60\n',
          },
          '2023-07',
        ),
      ).resultAggregation,
    ).toBe(true);
    const legacy = parsePackage(
      files({
        'problem.yaml': 'name: L\ntype: scoring\n',
        'data/secret/1.in': '1\n',
        'data/secret/1.ans': '1\n',
        'data/secret/testdata.yaml': 'max_score: 10\naccept_score: 10\n',
      }),
    );
    expect(legacy.resultAggregation).toBe(false);
    expect(legacy.report.unsupported).toEqual([
      'data/secret/testdata.yaml: max_score (not in the legacy format; not applied)',
    ]);
    // The legacy grading's keys in a 2025-09 scoring package are reported, not applied.
    const mixed = parsePackage(
      scoring({
        'data/secret/a/test_group.yaml': 'max_score: 40\naccept_score: 5\n',
        'data/secret/b/test_group.yaml': 'max_score: 60\n',
      }),
    );
    expect(mixed.report.unsupported).toEqual([
      "data/secret/a/test_group.yaml: accept_score (the legacy grading's; 2025-09's result aggregation applies instead)",
    ]);
  });

  it('refuses what the specification forbids, naming the file', () => {
    expect(
      messages(
        scoring({
          'data/secret/a/test_group.yaml': 'max_score: 40\n',
          'data/secret/b/test_group.yaml': '{}\n',
        }),
      ),
    ).toEqual([
      "data/secret/b/test_group.yaml: max_score is unbounded (the default), which only an unbounded secret allows; secret's is 100",
    ]);
    expect(
      messages(
        scoring({
          'data/sample/test_group.yaml': 'max_score: 1\n',
          'data/secret/a/test_group.yaml': 'max_score: 40\nscore_aggregation: sum\nrequire_pass: secret/b\n',
          'data/secret/b/test_group.yaml': 'max_score: 60\nrequire_pass: [secret/a, secret/c]\n',
        }),
      ),
    ).toEqual([
      'data/sample/test_group.yaml: max_score, score_aggregation and require_pass are allowed only in secret and its test data groups',
      'data/secret/a/test_group.yaml: require_pass: secret/b does not come before secret/a',
      'data/secret/b/test_group.yaml: require_pass: secret/a must have pass-fail aggregation',
      'data/secret/b/test_group.yaml: require_pass: secret/c is not a test data group (secret/<name>) or sample',
    ]);
    expect(
      messages(
        scoring({
          'data/secret/test_group.yaml': 'score_aggregation: pass-fail\nrequire_pass: secret/a\n',
          'data/secret/a/test_group.yaml': 'max_score: 40\nscore_aggregation: min\n',
          'data/secret/b/test_group.yaml': 'max_score: 60\n',
          'data/secret/2.in': '2\n',
          'data/secret/2.ans': '2\n',
        }),
      ),
    ).toEqual([
      'data/secret/test_group.yaml: holds test data groups and also data/secret/2; the specification allows only one or the other',
      'data/secret/test_group.yaml: require_pass: secret may depend on sample only, not secret/a',
      'data/secret/a/test_group.yaml: secret has pass-fail aggregation, so must every test data group',
    ]);
    expect(
      messages(scoring({ 'data/secret/a/test_group.yaml': 'max_score: 40\n' }, '2025-09', 'pass-fail')),
    ).toEqual([
      'data/secret/a/test_group.yaml: max_score, score_aggregation and require_pass are for scoring problems; a pass-fail problem must not set them',
    ]);
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

  it('reads input validators from the older input_format_validators/, preferred when present as problemtools does', () => {
    const old = parsePackage(files({ ...MINIMAL, 'input_format_validators/v.py': 'exit(42)\n' }));
    expect(old.inputValidators).toEqual(['input_format_validators/v.py']);
    expect(old.report.warnings.join('\n')).toMatch(/input_format_validators\/ \(the older name/);
    const both = parsePackage(
      files({ ...MINIMAL, 'input_format_validators/v.py': '', 'input_validators/w.py': '' }),
    );
    expect(both.inputValidators).toEqual(['input_format_validators/v.py']);
    expect(both.report.warnings.join('\n')).toMatch(/input_validators\/ is not used/);
    const current = parsePackage(files({ ...MINIMAL, 'input_validators/w.py': '' }));
    expect(current.inputValidators).toEqual(['input_validators/w.py']);
    expect(current.report.warnings.join('\n')).not.toMatch(/input_format_validators/);
  });

  it('takes a package with sample data only, warning that the specification asks for secret data', () => {
    const pkg = parsePackage(
      files({ 'problem.yaml': 'name: x\n', 'data/sample/1.in': '1', 'data/sample/1.ans': '2' }),
    );
    expect(pkg.testData.cases.map((c) => c.name)).toEqual(['sample/1']);
    expect(pkg.report.warnings.join('\n')).toMatch(/data\/secret: no secret test case/);
    expect(pkg.report.found).toContain('1 sample and 0 secret test case(s)');
  });

  it('follows grading.objective, reports show_test_data_groups and unused graders/, and refuses a bad objective', () => {
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
    expect(scoring.metadata.objective).toBe('min');
    expect(scoring.report.found).toContain('grading.objective min: lower scores are better');
    expect(lines).not.toMatch(/objective/);
    expect(lines).toMatch(/problem\.yaml: grading\.show_test_data_groups false \(not supported: /);
    expect(lines).toMatch(/problem\.yaml: grading\.colour/);
    expect(lines).not.toMatch(/graders\//);

    const plain = parsePackage(
      files({
        ...MINIMAL,
        'problem.yaml': 'name: Minimal\ngrading:\n  objective: max\n',
        'graders/grader.py': '',
      }),
    );
    expect(plain.metadata.objective).toBe('max');
    expect(plain.report.unsupported).toEqual([
      'problem.yaml: grading (only for scoring problems; ignored)',
      'graders/: not used (no test data group of a scoring problem says grading: custom)',
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
      // Never read: left out, and named in the import report.
      const leak = (await packageFromFolder(dir)).find((f) => f.path === 'leak.in');
      expect(leak?.bytes.length).toBe(0);
      expect(leak?.leftOut).toMatch(/^symbolic link to .*, outside the package: left out$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('2025-09 test case configuration (X.yaml)', () => {
  const base = {
    'problem.yaml': 'problem_format_version: 2025-09\nname: C\nuuid: c0ffee00-0000-4000-8000-000000000001\n',
    'data/secret/1.in': '1\n',
    'data/secret/1.ans': '1\n',
    'data/secret/2.in': '2\n',
    'data/secret/2.ans': '2\n',
  };

  it("lays each case's keys over its group's, each key replacing the group's value, the rest inherited", () => {
    const pkg = parsePackage(
      files({
        ...base,
        'data/secret/test_group.yaml':
          'args: [group]\noutput_validator_args: [float_tolerance, "0.1"]\ninput_validator_args: [--max, "9"]\n',
        'data/secret/2.yaml':
          'args: [one, "two words"]\noutput_validator_args: [float_tolerance, "1e-6"]\nhint: h\ndescription: d\n',
      }),
    );
    const [one, two] = pkg.testData.cases;
    expect(one).toMatchObject({
      config: {
        args: ['group'],
        outputValidatorFlags: 'float_tolerance 0.1',
        inputValidatorFlags: '--max 9',
      },
    });
    expect(one?.configFile).toBeUndefined();
    expect(two).toMatchObject({
      configFile: 'data/secret/2.yaml',
      hint: 'h',
      description: 'd',
      config: {
        args: ['one', 'two words'],
        outputValidatorFlags: 'float_tolerance 1e-6',
        outputValidatorFlagsFile: 'data/secret/2.yaml',
        inputValidatorFlags: '--max 9',
      },
    });
    expect(pkg.report.unsupported).toEqual([
      'data/secret/2.yaml: hint (kept, not shown to solvers)',
      'data/secret/2.yaml: description (kept, not shown to solvers)',
    ]);
    // X.yaml is the case's, not a stray file.
    expect(pkg.report.warnings.filter((w) => w.includes('.yaml'))).toEqual([]);
  });

  it('applies full_feedback from test_group.yaml and X.yaml, by default true for samples and false for secret data', () => {
    const pkg = parsePackage(
      files({
        ...base,
        'data/sample/1.in': '1\n',
        'data/sample/1.ans': '1\n',
        'data/sample/2.in': '1\n',
        'data/sample/2.ans': '1\n',
        'data/sample/2.yaml': 'full_feedback: false\n',
        'data/secret/g/test_group.yaml': 'full_feedback: true\n',
        'data/secret/g/1.in': '1\n',
        'data/secret/g/1.ans': '1\n',
        'data/secret/g/2.in': '1\n',
        'data/secret/g/2.ans': '1\n',
        'data/secret/g/2.yaml': 'full_feedback: false\n',
        'data/secret/2.yaml': 'full_feedback: true\n',
      }),
    );
    expect(Object.fromEntries(pkg.testData.cases.map((c) => [c.name, fullFeedbackOf(c)]))).toEqual({
      'sample/1': true,
      'sample/2': false,
      'secret/1': false,
      'secret/2': true,
      'secret/g/1': true,
      'secret/g/2': false,
    });
    expect(pkg.report.unsupported).toEqual([]);
  });

  it('reads the map form of input_validator_args per validator, in test_group.yaml and X.yaml', () => {
    const pkg = parsePackage(
      files({
        ...base,
        'data/secret/test_group.yaml':
          'input_validator_args:\n  range: [--max, "10"]\n  tokens: [--count, "2"]\n',
        'data/secret/2.yaml': 'input_validator_args:\n  range: [--max, "1000"]\n',
      }),
    );
    const [one, two] = pkg.testData.cases.map((c) => c.config);
    expect(one?.inputValidatorFlagsByName).toEqual({ range: '--max 10', tokens: '--count 2' });
    expect(inputValidatorFlagsFor(one ?? ROOT_CONFIG, 'range.py')).toBe('--max 10');
    expect(inputValidatorFlagsFor(one ?? ROOT_CONFIG, 'tokens')).toBe('--count 2');
    expect(inputValidatorFlagsFor(one ?? ROOT_CONFIG, 'other.cpp')).toBe('');
    // The case's map replaces the group's: a validator it does not name runs without arguments.
    expect(inputValidatorFlagsFor(two ?? ROOT_CONFIG, 'range.py')).toBe('--max 1000');
    expect(inputValidatorFlagsFor(two ?? ROOT_CONFIG, 'tokens')).toBe('');
    // A list in the case replaces the group's map for every validator.
    const listed = parsePackage(
      files({
        ...base,
        'data/secret/test_group.yaml': 'input_validator_args:\n  range: [--max, "10"]\n',
        'data/secret/2.yaml': 'input_validator_args: [--strict]\n',
      }),
    ).testData.cases[1];
    expect(listed?.config.inputValidatorFlagsByName).toBeUndefined();
    expect(inputValidatorFlagsFor(listed?.config ?? ROOT_CONFIG, 'range')).toBe('--strict');
  });

  it('reports keys it does not apply or know, naming the file, and refuses bad values', () => {
    const pkg = parsePackage(
      files({
        ...base,
        'data/secret/1.yaml': 'full_feedback: true\ninput_visualizer_args: [x]\ncolour: red\n',
      }),
    );
    expect(pkg.report.unsupported).toEqual([
      'data/secret/1.yaml: input_visualizer_args (not applied)',
      'data/secret/1.yaml: colour (not a test case setting of the specification; ignored)',
    ]);
    expect(refusal({ ...base, 'data/secret/1.yaml': 'args: one\n' }).issues).toEqual([
      { file: 'data/secret/1.yaml', message: expect.stringMatching(/^args: /) },
    ]);
    expect(
      refusal({ ...base, 'data/secret/1.yaml': 'output_validator_args: ["float_tolerance 1"]\n' }).issues,
    ).toEqual([{ file: 'data/secret/1.yaml', message: expect.stringContaining('one non-empty word') }]);
    // Arguments exec could not take: a NUL, too long, too many; in X.yaml and test_group.yaml alike.
    expect(refusal({ ...base, 'data/secret/1.yaml': 'args: ["a\\0b"]\n' }).issues).toEqual([
      { file: 'data/secret/1.yaml', message: expect.stringContaining('NUL') },
    ]);
    expect(
      refusal({ ...base, 'data/secret/test_group.yaml': `args: ["${'x'.repeat(5000)}"]\n` }).issues,
    ).toEqual([{ file: 'data/secret/test_group.yaml', message: expect.stringContaining('4096') }]);
    expect(
      refusal({ ...base, 'data/secret/1.yaml': `args: [${Array(300).fill('a').join(', ')}]\n` }).issues,
    ).toEqual([{ file: 'data/secret/1.yaml', message: expect.stringContaining('256') }]);
    expect(refusal({ ...base, 'data/secret/1.yaml': 'output_validator_args: ["a\\0"]\n' }).issues).toEqual([
      { file: 'data/secret/1.yaml', message: expect.stringContaining('one non-empty word') },
    ]);
    expect(
      refusal({ ...base, 'data/secret/test_group.yaml': 'output_validator_flags: "a\\0"\n' }).issues,
    ).toEqual([{ file: 'data/secret/test_group.yaml', message: expect.stringContaining('NUL') }]);
    expect(refusal({ ...MINIMAL, 'problem.yaml': 'name: L\nvalidator_flags: "\\0"\n' }).issues).toEqual([
      { file: 'problem.yaml', message: expect.stringContaining('NUL') },
    ]);
    expect(refusal({ ...base, 'data/secret/1.yaml': '- args\n' }).issues).toEqual([
      { file: 'data/secret/1.yaml', message: 'must be a map of test case settings' },
    ]);
    expect(refusal({ ...base, 'data/secret/1.yaml': 'hint: [1]\n' }).issues[0]?.file).toBe(
      'data/secret/1.yaml',
    );
    // The default validator refuses flags it does not know, named by the case's file.
    expect(refusal({ ...base, 'data/secret/1.yaml': 'output_validator_args: [loose]\n' }).issues).toEqual([
      {
        file: 'data/secret/1.yaml',
        message: expect.stringContaining('unknown default validator flag "loose"'),
      },
    ]);
  });
});

describe("the forms the specification's own example packages use", () => {
  const base = (type: string) => ({
    'problem.yaml': `problem_format_version: 2025-09\nname: T\nuuid: u1\ntype: ${type}\n`,
    'data/secret/1.in': '1\n',
    'data/secret/1.ans': '1\n',
    'output_validator/check.py': 'import sys\nsys.exit(42)\n',
  });

  it('reads a type of several words as their list, and names a type it does not know', () => {
    expect(parsePackage(files(base('pass-fail  interactive'))).metadata.types).toEqual([
      'pass-fail',
      'interactive',
    ]);
    expect(refusal(base('pass-fail weird')).issues).toEqual([
      {
        file: 'problem.yaml',
        message: expect.stringContaining('"weird" is not a problem type (pass-fail, scoring') as string,
      },
    ]);
    expect(refusal(base('[pass-fail, scoring]')).issues).toEqual([
      { file: 'problem.yaml', message: 'type: pass-fail and scoring exclude each other' },
    ]);
    expect(refusal(base('interactive interactive')).issues).toEqual([
      { file: 'problem.yaml', message: 'type: lists a type twice' },
    ]);
  });

  it("reads the 2023-07 draft's scoring map in testdata.yaml as max_score and score_aggregation", () => {
    const pkg = parsePackage(
      files({
        'problem.yaml': 'problem_format_version: 2025-09\nname: S\nuuid: u1\ntype: scoring\n',
        'data/sample/1.in': '1\n',
        'data/sample/1.ans': '1\n',
        'data/sample/testdata.yaml': 'scoring:\n  score: 0\n',
        'data/secret/testdata.yaml': 'scoring:\n  aggregation: sum\n',
        'data/secret/a/testdata.yaml': 'scoring:\n  score: 30\n  aggregation: min\n',
        'data/secret/a/1.in': '1\n',
        'data/secret/a/1.ans': '1\n',
        'data/secret/a/2.in': '2\n',
        'data/secret/a/2.ans': '2\n',
        'data/secret/b/testdata.yaml': 'scoring:\n  score: "5"\n  aggregation: sum\n',
        'data/secret/b/1.in': '1\n',
        'data/secret/b/1.ans': '1\n',
        'data/secret/b/2.in': '2\n',
        'data/secret/b/2.ans': '2\n',
      }),
    );
    const secret = pkg.testData.groups.find((g) => g.name === 'secret');
    const groups = (secret?.items ?? []).flatMap((item) => ('items' in item ? [item] : []));
    // a: each case 30, the least of them; b: each case 5, their sum; secret: the sum of its groups'.
    expect([secret, ...groups].map((g) => [g?.name, g?.config.maxScore, g?.config.scoreAggregation])).toEqual(
      [
        ['secret', 40, 'sum'],
        ['secret/a', 30, 'min'],
        ['secret/b', 10, 'sum'],
      ],
    );
    expect(pkg.resultAggregation).toBe(true);
    expect(pkg.report.warnings).toContain(
      "data/secret/a/testdata.yaml: scoring (the 2023-07 draft's form) read as max_score 30, score_aggregation min",
    );
    expect(pkg.report.unsupported).toContain('data/sample/testdata.yaml: scoring (not applied)');
    expect(
      refusal({
        'problem.yaml': 'problem_format_version: 2025-09\nname: S\nuuid: u1\ntype: scoring\n',
        'data/secret/a/testdata.yaml': 'scoring:\n  score: 30\nmax_score: 30\n',
        'data/secret/a/1.in': '1\n',
        'data/secret/a/1.ans': '1\n',
      }).issues,
    ).toEqual([
      { file: 'data/secret/a/testdata.yaml', message: expect.stringContaining('use one') as string },
    ]);
  });
});
