/** Toolchain detection: versions remembered on disk under the binary's identity, asked again without them. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectToolchains } from '../src/toolchains.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbiter-toolchains-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('toolchain detection', () => {
  it('remembers each version under its binary and sources, and answers from the file next time', async () => {
    const file = join(dir, 'toolchains.json');
    const [python] = await detectToolchains(['python'], file);
    expect(python?.version).toMatch(/^3\./);
    const remembered = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    const keys = Object.keys(remembered);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^python\|\/usr\/bin\/python3\|\d+\|/);

    // The next start reads the file instead of asking the toolchain (shown by a planted answer).
    await writeFile(file, JSON.stringify({ [keys[0] ?? '']: 'planted' }));
    expect((await detectToolchains(['python'], file))[0]?.version).toBe('planted');
    // Without the file, the toolchain is asked.
    expect((await detectToolchains(['python']))[0]?.version).toBe(python?.version);
    // A damaged file counts as empty.
    await writeFile(file, '{"python|');
    expect((await detectToolchains(['python'], file))[0]?.version).toBe(python?.version);
  });
});
