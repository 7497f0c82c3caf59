import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArchiveError, readZip, writeZip, type ZipInputFile } from '../src/index.js';

/** Offset of the first central directory header (signature PK\x01\x02) of a zip. */
function centralHeader(zip: Buffer): number {
  const at = zip.indexOf('PK\x01\x02');
  expect(at).toBeGreaterThan(-1);
  return at;
}

/** Writes a zip with a harmless name of the same length, then swaps in `name`, which a writer would refuse. */
async function zipWithName(name: string, bytes = 'x'): Promise<Buffer> {
  const placeholder = 'q'.repeat(Buffer.byteLength(name));
  const zip = await writeZip([{ path: placeholder, bytes }]);
  let at = zip.indexOf(placeholder);
  expect(at).toBeGreaterThan(-1);
  while (at !== -1) {
    zip.write(name, at, 'utf8');
    at = zip.indexOf(placeholder, at + 1);
  }
  return zip;
}

async function refusal(zip: Buffer, limits = {}): Promise<ArchiveError> {
  const error = await readZip(zip, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

describe('readZip', () => {
  it('reads files, implied and explicit directories and the executable bit', async () => {
    const files: ZipInputFile[] = [
      { path: 'problem.yaml', bytes: 'name: Hello\n' },
      { path: 'data/secret/group1/01.in', bytes: '1 2\n' },
      { path: 'run.sh', bytes: '#!/bin/sh\n', executable: true },
      { path: 'empty.txt', bytes: '' },
    ];
    const contents = await readZip(await writeZip(files));
    expect(contents.files.map((f) => [f.path, f.bytes.toString(), f.executable])).toEqual([
      ['problem.yaml', 'name: Hello\n', false],
      ['data/secret/group1/01.in', '1 2\n', false],
      ['run.sh', '#!/bin/sh\n', true],
      ['empty.txt', '', false],
    ]);
    expect(contents.directories).toEqual(['data', 'data/secret', 'data/secret/group1']);
  });

  it('refuses more entries than allowed before reading any', async () => {
    const zip = await writeZip(Array.from({ length: 5 }, (_, i) => ({ path: `f${i}`, bytes: 'a' })));
    const error = await refusal(zip, { maxEntries: 4 });
    expect(error.code).toBe('too-many-entries');
    expect(error.message).toContain('5 entries');
  });

  it('refuses an entry over the per-entry cap, naming it', async () => {
    const zip = await writeZip([
      { path: 'ok', bytes: 'a' },
      { path: 'data/big.ans', bytes: 'b'.repeat(2000) },
    ]);
    const error = await refusal(zip, { maxEntryBytes: 1000 });
    expect(error.code).toBe('entry-too-large');
    expect(error.entry).toBe('data/big.ans');
    expect(error.message).toContain('data/big.ans');
  });

  it('refuses files that together pass the total cap', async () => {
    const zip = await writeZip(
      Array.from({ length: 4 }, (_, i) => ({ path: `f${i}`, bytes: 'c'.repeat(400) })),
    );
    const error = await refusal(zip, { maxTotalBytes: 1000 });
    expect(error.code).toBe('total-too-large');
    expect(error.entry).toBe('f2');
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    const zip = await writeZip([{ path: 'zeros', bytes: Buffer.alloc(4 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(20_000);
    const error = await refusal(zip, { maxCompressionRatio: 100 });
    expect(error.code).toBe('compression-ratio');
    expect(error.entry).toBe('zeros');
    // The same archive passes when the ratio is allowed, and small files are exempt.
    await expect(readZip(zip, { maxCompressionRatio: 2000 })).resolves.toBeDefined();
    const small = await writeZip([{ path: 'z', bytes: Buffer.alloc(64 * 1024) }]);
    await expect(readZip(small, { maxCompressionRatio: 2 })).resolves.toBeDefined();
  });

  it('refuses an entry whose real size is bigger than its header says', async () => {
    const real = 'd'.repeat(5000);
    const zip = await writeZip([{ path: 'liar', bytes: real }]);
    const central = centralHeader(zip);
    expect(zip.readUInt32LE(central + 24)).toBe(5000);
    zip.writeUInt32LE(10, central + 24);
    const error = await refusal(zip, { maxEntryBytes: 100 });
    expect(error.entry).toBe('liar');
    expect(['corrupt', 'entry-too-large']).toContain(error.code);
  });

  it.each([
    ['../evil.txt', 'segment'],
    ['a/../../b.txt', 'segment'],
    ['/etc/passwd', 'absolute'],
    ['C:/win.txt', 'drive letter'],
    ['a\\..\\b.txt', 'backslash'],
    ['a//b.txt', 'empty path segment'],
    ['./x.txt', 'segment'],
    ['bad\u0001name', 'control character'],
  ])('refuses the unsafe path %j, naming it', async (name, why) => {
    const error = await refusal(await zipWithName(name));
    expect(error.code).toBe('unsafe-path');
    expect(error.message).toContain(why);
    expect(error.entry).toBe(name.replace('\u0001', '\\x01'));
  });

  it('refuses symbolic links and special files', async () => {
    const link = await writeZip([{ path: 'data/link', bytes: '/etc/passwd' }]);
    const central = centralHeader(link);
    link.writeUInt16LE(0o120777, central + 38 + 2);
    const error = await refusal(link);
    expect(error.code).toBe('symlink');
    expect(error.entry).toBe('data/link');

    // A caller that resolves links itself keeps them: the target as written, no bytes.
    const kept = await readZip(link, { symlinks: 'keep' });
    expect(kept.files).toEqual([
      { path: 'data/link', bytes: Buffer.alloc(0), executable: false, linkTarget: '/etc/passwd' },
    ]);

    const fifo = await writeZip([{ path: 'fifo', bytes: '' }]);
    fifo.writeUInt16LE(0o010644, centralHeader(fifo) + 38 + 2);
    expect((await refusal(fifo)).code).toBe('special-file');
  });

  it('refuses the same path twice and a path that is both a file and a directory', async () => {
    const twice = await writeZip([
      { path: 'a.in', bytes: '1' },
      { path: 'a.in', bytes: '2' },
    ]);
    const error = await refusal(twice);
    expect(error.code).toBe('duplicate-entry');
    expect(error.entry).toBe('a.in');

    const both = await writeZip([
      { path: 'data', bytes: '1' },
      { path: 'data/x.in', bytes: '2' },
    ]);
    expect((await refusal(both)).code).toBe('duplicate-entry');
  });

  it('refuses encrypted entries', async () => {
    const zip = await writeZip([{ path: 'secret.in', bytes: 'x' }]);
    const central = centralHeader(zip);
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    const error = await refusal(zip);
    expect(error.entry).toBe('secret.in');
    expect(['encrypted', 'corrupt']).toContain(error.code);
  });

  it('refuses what is not a zip, and an archive over the size cap, without reading it', async () => {
    expect((await refusal(Buffer.from('not a zip at all'))).code).toBe('corrupt');
    expect((await refusal(deflateRawSync(Buffer.alloc(100)))).code).toBe('corrupt');
    const zip = await writeZip([{ path: 'a', bytes: 'b' }]);
    expect((await refusal(zip, { maxArchiveBytes: 10 })).code).toBe('archive-too-large');
  });

  it('refuses paths deeper or longer than allowed', async () => {
    const deep = await writeZip([{ path: 'a/b/c/d/e', bytes: '' }]);
    expect((await refusal(deep, { maxPathDepth: 4 })).code).toBe('unsafe-path');
    const long = await writeZip([{ path: 'n'.repeat(300), bytes: '' }]);
    expect((await refusal(long, { maxPathBytes: 256 })).code).toBe('unsafe-path');
  });
});
