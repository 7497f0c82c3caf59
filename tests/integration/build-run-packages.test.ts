/**
 * Validators given as folders with the specification's `build`/`run` scripts, on real Redis, the database
 * and the sandbox. The build-run fixture's output validator is built by its `build` (a C checker that only
 * compiles with the flag the script sets) and started through its `run` shell script; its input
 * validators are a folder whose `build` writes the `run`, and a single shell script. The import's
 * verification and POST /submit judge with them; a build that fails is named as the package's fault with
 * its output. The build-run-interactive fixture's interactor has the shape of BAPCtools' `boolfind`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { packageFromFolder } from '@arbiter/problem-package';
import { scaledMs } from '../support/speed-factor.js';
import {
  importPackage,
  submissionsByPath,
  submitToPackage,
  usePackagePlatform,
  verifiedPackage,
} from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
const TIMEOUT = scaledMs(480_000);

const platform = usePackagePlatform('buildrun');

const verified = (slug: string) => verifiedPackage(platform.url, platform.admin, slug, scaledMs(420_000));

describe('validators with build/run scripts', () => {
  it(
    'builds the output and input validators in the sandbox and judges with them on import and on submit',
    async () => {
      const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'build-run')));
      await importPackage(platform.url, platform.admin, zip, 'parity');
      const verification = await verified('parity');
      expect(verification.status, JSON.stringify(verification)).toBe('done');
      const subs = submissionsByPath(verification);
      expect(subs['accepted/echo.py']).toMatchObject({ got: 'ACCEPTED', ok: true });
      expect(subs['accepted/plus_two.c']).toMatchObject({ got: 'ACCEPTED', ok: true });
      expect(subs['wrong_answer/plus_one.py']).toMatchObject({ got: 'WRONG_ANSWER', ok: true });
      expect(verification.inputValidation).toEqual({
        validators: [
          { name: 'nonempty.sh', status: 'ran', cases: 3 },
          { name: 'parity', status: 'ran', cases: 3 },
        ],
        invalid: [],
        ok: true,
      });
      expect(verification.ok).toBe(true);

      const accepted = await submitToPackage(platform.url, platform.user, {
        problem: 'parity',
        language: 'python',
        code: 'print(int(input()) + 4)\n',
      });
      expect(accepted.verdict, JSON.stringify(accepted)).toBe('ACCEPTED');
      const wrong = await submitToPackage(
        platform.url,
        platform.user,
        { problem: 'parity', language: 'python', code: 'print(int(input()) + 1)\n' },
        platform.admin,
      );
      expect(wrong.verdict, JSON.stringify(wrong)).toBe('WRONG_ANSWER');
      expect(wrong.failedTest?.judgeMessage).toBe('built checker: 3 has not the parity of 2\n');
    },
    TIMEOUT,
  );

  it(
    'a build that fails, or leaves no run, is the package’s fault, named with the script’s output',
    async () => {
      const files = await packageFromFolder(join(PACKAGES, 'build-run'));
      const withBuild = (script: string) =>
        writeZip(
          files.map((file) =>
            file.path === 'output_validator/build' ? { ...file, bytes: Buffer.from(script) } : file,
          ),
        );
      await importPackage(
        platform.url,
        platform.admin,
        await withBuild('echo "no compiler for you" >&2\nexit 3\n'),
        'parity-broken',
      );
      const broken = await verified('parity-broken');
      expect(broken.status).toBe('failed');
      expect(broken.error).toContain('output validator');
      expect(broken.error).toContain('no compiler for you');
      expect(broken.error).toContain('`build` exited with code 3');

      await importPackage(platform.url, platform.admin, await withBuild('rm run\n'), 'parity-norun');
      const norun = await verified('parity-norun');
      expect(norun.status).toBe('failed');
      expect(norun.error).toContain('left no `run`');

      const submitted = await submitToPackage(platform.url, platform.user, {
        problem: 'parity-broken',
        language: 'python',
        code: 'print(int(input()))\n',
      });
      expect(submitted.status).toBe('failed');
      expect(submitted.error).toMatch(/cannot be judged: its output validator is unusable/);
    },
    TIMEOUT,
  );

  it(
    'an interactor built by build and started by a run script (the boolfind shape) judges interactive submissions',
    async () => {
      const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'build-run-interactive')));
      await importPackage(platform.url, platform.admin, zip, 'double-back');
      const verification = await verified('double-back');
      expect(verification.status, JSON.stringify(verification)).toBe('done');
      const subs = submissionsByPath(verification);
      expect(subs['accepted/double.py']).toMatchObject({ got: 'ACCEPTED', ok: true });
      expect(subs['wrong_answer/same.py']).toMatchObject({ got: 'WRONG_ANSWER', ok: true });

      const accepted = await submitToPackage(platform.url, platform.user, {
        problem: 'double-back',
        language: 'c',
        code: '#include <stdio.h>\nint main(void) { long n; scanf("%ld", &n); printf("%ld\\n", 2 * n); return 0; }\n',
      });
      expect(accepted.verdict, JSON.stringify(accepted)).toBe('ACCEPTED');
    },
    TIMEOUT,
  );
});
