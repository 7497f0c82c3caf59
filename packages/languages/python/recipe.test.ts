/** The Python bootstrap runs main.py as `python3` would, without site's start-up cost. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonRecipe } from './recipe.js';

/** Runs the recipe's command on `code` (this test's own, trusted program) and gives its exit code. */
async function exitCode(code: string): Promise<number | null> {
  const dir = await mkdtemp(join(tmpdir(), 'arbiter-python-recipe-'));
  try {
    await writeFile(join(dir, 'main.py'), code);
    const [command, ...args] = pythonRecipe.run({}, { memoryMb: 256, unbuffered: false });
    return await new Promise((resolve) => {
      execFile(command as string, args, { cwd: dir }, (error) =>
        resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : null),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync('/usr/bin/python3'))('python recipe', () => {
  it('keeps exit() and quit(), which site gives and -S leaves out', async () => {
    expect(await exitCode('exit(42)\n')).toBe(42);
    expect(await exitCode('quit(43)\n')).toBe(43);
    expect(await exitCode('import sys\nsys.exit(7)\n')).toBe(7);
  });
});
