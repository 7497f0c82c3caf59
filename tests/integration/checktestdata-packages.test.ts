/**
 * Input validators written in checktestdata, on real Redis, the database and the sandbox: a `.ctd` script
 * directly in input_validators/ and a folder holding one are run by the interpreter in the sandbox on every
 * input; the one input that breaks the format is named as invalid by both, the others are valid.
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
  usePackagePlatform,
  verifiedPackage,
} from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
/** One Python submission and eight validator runs in the sandbox, on a shared machine. */
const TIMEOUT = scaledMs(300_000);
const SLUG = 'ctd-validate';

const platform = usePackagePlatform('ctd');

describe('checktestdata input validators', () => {
  it(
    'runs .ctd scripts in the sandbox on every input and names exactly the bad one',
    async () => {
      const zip = await writeZip(await packageFromFolder(join(PACKAGES, SLUG)));
      await importPackage(platform.url, platform.admin, zip, SLUG);
      const verification = await verifiedPackage(platform.url, platform.admin, SLUG, TIMEOUT);
      expect(verification.status).toBe('done');
      expect(submissionsByPath(verification)['accepted/sum.py']).toMatchObject({ got: 'ACCEPTED', ok: true });

      const validation = verification.inputValidation;
      expect(validation?.validators).toEqual([
        { name: 'format', status: 'ran', cases: 4 },
        { name: 'sum.ctd', status: 'ran', cases: 4 },
      ]);
      // Two spaces where SPACE allows one: the line and character of the second space, and the command.
      expect(validation?.invalid).toEqual([
        {
          file: 'data/secret/3.in',
          validator: 'format',
          message: expect.stringMatching(
            /exited with code 43 .*line 2 character 3 of testdata doesn't match REGEX\("-\?\[0-9\]\+"\)/s,
          ) as string,
        },
        {
          file: 'data/secret/3.in',
          validator: 'sum.ctd',
          message: expect.stringMatching(
            /exited with code 43 .*line 2 character 3 of testdata doesn't match INT\(-10\^21, 10\^21, a\[i\]\)/s,
          ) as string,
        },
      ]);
      expect(validation?.ok).toBe(false);
    },
    TIMEOUT,
  );
});
