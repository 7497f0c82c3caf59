/**
 * A package's included code (`include/default/`, `include/<language>/`), on real Redis, the database and the
 * sandbox: the package's own submissions at verification and users' submissions through POST /submit get
 * the C++ header every language is given and the Python module Python 3 is given, over their own files.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { packageFromFolder } from '@arbiter/problem-package';
import { post, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { importPackage, usePackagePlatform, verifiedPackage } from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
/** A few small programs compiled and judged in the sandbox, on a shared machine. */
const TIMEOUT = scaledMs(300_000);

const platform = usePackagePlatform('include');

beforeAll(async () => {
  const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'include-code')));
  const imported = await importPackage(platform.url, platform.admin, zip, 'included-sum');
  expect(imported.report.found.join('\n')).toMatch(/included code \(include\/\) for default, python3/);
});

const verification = () => verifiedPackage(platform.url, platform.admin, 'included-sum', scaledMs(280_000));

async function judged(body: Record<string, unknown>) {
  const answer = await post(
    platform.url,
    '/submit',
    { mode: 'submit', problem: 'included-sum', ...body },
    { cookie: platform.user },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return waitForResult(
    platform.url,
    (answer.body as { jobId: string }).jobId,
    scaledMs(120_000),
    platform.user,
  );
}

describe('included code', () => {
  it(
    "is added to the package's own submissions when it is verified",
    async () => {
      const found = await verification();
      expect(found.status).toBe('done');
      const byPath = Object.fromEntries((found.submissions ?? []).map((s) => [s.path, s]));
      expect(byPath['submissions/accepted/uses_header.cpp']?.got).toBe('ACCEPTED');
      expect(byPath['submissions/accepted/uses_module.py']?.got).toBe('ACCEPTED');
      // Its own summer.py subtracts; the package's replaces it.
      expect(byPath['submissions/accepted/overridden']?.got).toBe('ACCEPTED');
      expect(found.ok).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'is added to submissions through POST /submit, by language',
    async () => {
      const cpp = await judged({
        language: 'cpp',
        code: '#include <cstdio>\n#include "summer.h"\nint main() { long long a, b; std::scanf("%lld %lld", &a, &b); std::printf("%lld\\n", add(a, b)); }\n',
      });
      expect(cpp.verdict, JSON.stringify(cpp)).toBe('ACCEPTED');
      const python = await judged({
        language: 'python',
        code: 'from summer import add\na, b = map(int, input().split())\nprint(add(a, b))\n',
      });
      expect(python.verdict, JSON.stringify(python)).toBe('ACCEPTED');
    },
    TIMEOUT,
  );
});
