/**
 * Input validators as the verification runs them: from `input_validators/` or the older
 * `input_format_validators/` (problemtools still reads it), each on every input with exit 42 as valid;
 * a checktestdata script is run by the interpreter, and one that does not parse is reported as such. On the development runner; the sandbox's suite proves isolation.
 */
import { describe, expect, it } from 'vitest';
import { parsePackage, type PackageFile } from '@arbiter/problem-package';
import { createUnsandboxedSandbox } from '@arbiter/sandbox';
import { validateInputs } from '../src/input-validators.js';

const sandbox = createUnsandboxedSandbox();

const files = (entries: Record<string, string>): PackageFile[] =>
  Object.entries(entries).map(([path, text]) => ({ path, bytes: Buffer.from(text), executable: false }));

/** Valid inputs hold one number from 1 to 9. */
const CHECK = 'import sys\nn = int(sys.stdin.read())\nsys.exit(42 if 1 <= n <= 9 else 43)\n';

describe('input validators', () => {
  it.each(['input_validators', 'input_format_validators'])(
    'runs the ones in %s/ on every input',
    async (dir) => {
      const pkg = parsePackage(
        files({
          'problem.yaml': 'name: Digits\n',
          'data/sample/1.in': '3\n',
          'data/sample/1.ans': '3\n',
          'data/secret/2.in': '12\n',
          'data/secret/2.ans': '12\n',
          [`${dir}/check.py`]: CHECK,
          [`${dir}/format.ctd`]: 'INT(1,9) NEWLINE EOF\n',
        }),
      );
      const validation = await validateInputs(pkg, sandbox);
      expect(validation.validators).toEqual([
        { name: 'check.py', status: 'ran', cases: 2 },
        { name: 'format.ctd', status: 'ran', cases: 2 },
      ]);
      expect(validation.invalid).toEqual([
        {
          file: 'data/secret/2.in',
          validator: 'check.py',
          message: expect.stringMatching(/code 43/) as string,
        },
        {
          file: 'data/secret/2.in',
          validator: 'format.ctd',
          message: expect.stringMatching(
            /code 43 .*line 1 character 3 of testdata doesn't match INT\(1,9\).*value out of range/s,
          ) as string,
        },
      ]);
      expect(validation.ok).toBe(false);
    },
  );

  it('reports a checktestdata script that does not parse, and runs a folder holding one', async () => {
    const pkg = parsePackage(
      files({
        'problem.yaml': 'name: Digits\n',
        'data/sample/1.in': '3 4\n',
        'data/sample/1.ans': '7\n',
        'input_validators/broken.ctd': 'INT(1,9) SPACE\nREP(2) INT(1,9)\n',
        'input_validators/pair/pair.ctd': '# two digits\nINT(1, 9, a) SPACE INT(a, 9) NEWLINE\n',
      }),
    );
    const validation = await validateInputs(pkg, sandbox);
    expect(validation.validators).toEqual([
      {
        name: 'broken.ctd',
        status: 'compile_error',
        message: expect.stringMatching(/checktestdata script does not parse: .*unclosed block/) as string,
      },
      { name: 'pair', status: 'ran', cases: 1 },
    ]);
    expect(validation.invalid).toEqual([]);
    expect(validation.ok).toBe(false);
  });
});
