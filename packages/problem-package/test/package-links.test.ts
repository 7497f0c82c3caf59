/**
 * Symbolic links in packages: the format allows links to other files and folders of the package (a
 * subtask reusing the previous one's cases), from a folder or a zip; links out of the package or to nothing
 * are left out unread, with a warning; loops are refused, naming the link.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZip } from '@arbiter/archive';
import { describe, expect, it } from 'vitest';
import {
  normalizedZip,
  PackageError,
  packageFromFolder,
  packageFromZip,
  parsePackage,
} from '../src/index.js';

const LINKED = fileURLToPath(new URL('./fixtures/linked-subtasks', import.meta.url));

/** A zip whose entries named in `links` are symbolic links (Unix mode 0120777) to the text given. */
async function zipWithLinks(files: Record<string, string>, links: Record<string, string>): Promise<Buffer> {
  const all = { ...files, ...links };
  const zip = await writeZip(Object.entries(all).map(([path, bytes]) => ({ path, bytes })));
  let at = zip.indexOf('PK\x01\x02');
  while (at !== -1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name in links) zip.writeUInt16LE(0o120777, at + 38 + 2);
    at = zip.indexOf('PK\x01\x02', at + 46);
  }
  return zip;
}

async function refusal(read: Promise<unknown>): Promise<PackageError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  return error as PackageError;
}

const MINIMAL = { 'problem.yaml': 'name: x\n', 'data/secret/1.in': '1\n', 'data/secret/1.ans': '1\n' };

describe('symbolic links in a package', () => {
  it('reads a folder whose subtask links to the cases of another group as copies of them', async () => {
    const files = await packageFromFolder(LINKED);
    const text = (path: string) => files.find((f) => f.path === path)?.bytes.toString();
    expect(text('data/secret/group2/1.in')).toBe('2 2\n');
    expect(text('data/secret/group2/1.ans')).toBe('4\n');
    expect(text('data/secret/group2/0.in')).toBe('1 2\n');
    expect(files.every((f) => f.linkTarget === undefined)).toBe(true);
    const pkg = parsePackage(files);
    expect(pkg.testData.cases.map((c) => c.name)).toEqual([
      'sample/1',
      'secret/group1/1',
      'secret/group2/0',
      'secret/group2/1',
      'secret/group2/2',
    ]);
    // The stored form holds plain files: its zip reads back the same, with no link left.
    const again = await packageFromZip(await normalizedZip(files));
    expect(again.map((f) => [f.path, f.bytes.toString()])).toEqual(
      [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.bytes.toString()]),
    );
  });

  it('reads links in a zip, relative to the link, in a chain, and under the folder the package was zipped in', async () => {
    const zip = await zipWithLinks(
      { ...MINIMAL, 'data/secret/g/2.in': '7\n', 'data/secret/g/2.ans': '7\n' },
      {
        'data/secret/h/2.in': '../g/2.in',
        'data/secret/h/2.ans': '../g/2.ans',
        'data/secret/h/3.in': '2.in',
      },
    );
    const files = await packageFromZip(zip, {});
    const text = (path: string) => files.find((f) => f.path === path)?.bytes.toString();
    expect(text('data/secret/h/2.in')).toBe('7\n');
    expect(text('data/secret/h/3.in')).toBe('7\n');

    const nested = await zipWithLinks(
      { 'p/problem.yaml': 'name: x\n', 'p/data/secret/1.ans': '1\n', 'p/data/secret/0.ans': '0\n' },
      { 'p/data/secret/1.in': '0.ans', 'p/data/secret/0.in': '0.ans' },
    );
    const inner = await packageFromZip(nested);
    expect(inner.find((f) => f.path === 'data/secret/1.in')?.bytes.toString()).toBe('0\n');
  });

  it('refuses links in a loop and to a folder that holds them, naming each', async () => {
    const zip = await zipWithLinks(MINIMAL, {
      'data/secret/d.in': '..',
      'data/secret/e.in': 'f.in',
      'data/secret/f.in': 'e.in',
      'data/secret/g': '.',
    });
    const error = await refusal(packageFromZip(zip));
    expect(error.issues.map((i) => [i.file, i.message])).toEqual([
      ['data/secret/d.in', 'a loop of symbolic links (to the folder "data" that holds it)'],
      ['data/secret/e.in', 'a loop of symbolic links'],
      ['data/secret/f.in', 'a loop of symbolic links'],
      ['data/secret/g', 'a loop of symbolic links (to the folder "data/secret" that holds it)'],
    ]);
  });

  it('reads a link to a folder as a copy of every file below it, links inside it followed from where they lie', async () => {
    const zip = await zipWithLinks(
      {
        ...MINIMAL,
        'data/secret/g1/1.in': '5\n',
        'data/secret/g1/1.ans': '5\n',
        'data/secret/g1/deep/2.in': '6\n',
        'data/secret/g1/deep/2.ans': '6\n',
        'data/shared/3.in': '7\n',
        'data/shared/3.ans': '7\n',
      },
      {
        // g2 is g1; g1 itself links a file one folder up and the shared folder.
        'data/secret/g2': 'g1',
        'data/secret/g1/0.in': '../1.in',
        'data/secret/g1/0.ans': '../1.ans',
        'data/secret/g1/more': '../../shared',
      },
    );
    const files = await packageFromZip(zip);
    const texts = Object.fromEntries(
      files.filter((f) => f.path.startsWith('data/secret/g2/')).map((f) => [f.path, f.bytes.toString()]),
    );
    expect(texts).toEqual({
      'data/secret/g2/1.in': '5\n',
      'data/secret/g2/1.ans': '5\n',
      'data/secret/g2/deep/2.in': '6\n',
      'data/secret/g2/deep/2.ans': '6\n',
      'data/secret/g2/0.in': '1\n',
      'data/secret/g2/0.ans': '1\n',
      'data/secret/g2/more/3.in': '7\n',
      'data/secret/g2/more/3.ans': '7\n',
    });
    expect(files.every((f) => f.linkTarget === undefined)).toBe(true);
    expect(parsePackage(files).testData.cases.map((c) => c.name)).toContain('secret/g2/more/3');
  });

  it('leaves out, unread, links out of the package and to nothing in it; the report names each', async () => {
    const zip = await zipWithLinks(MINIMAL, {
      'data/secret/a.in': '/etc/passwd',
      'data/secret/b.in': '../../../x',
      'data/secret/c.in': 'missing.in',
    });
    const files = await packageFromZip(zip);
    const leftOut = files.filter((f) => f.leftOut !== undefined);
    expect(leftOut.map((f) => [f.path, f.leftOut, f.bytes.length])).toEqual([
      ['data/secret/a.in', 'symbolic link to "/etc/passwd", outside the package: left out', 0],
      ['data/secret/b.in', 'symbolic link to "../../../x", outside the package: left out', 0],
      [
        'data/secret/c.in',
        'symbolic link to "data/secret/missing.in", which is not in the package: left out',
        0,
      ],
    ]);
    const pkg = parsePackage(files);
    expect(pkg.files.has('data/secret/a.in')).toBe(false);
    expect(pkg.report.warnings).toEqual(
      expect.arrayContaining([
        'data/secret/a.in: symbolic link to "/etc/passwd", outside the package: left out',
        'data/secret/c.in: symbolic link to "data/secret/missing.in", which is not in the package: left out',
      ]),
    );
    // Nor stored: the stored zip holds only the package's own files.
    const stored = await packageFromZip(await normalizedZip(files));
    expect(stored.map((f) => f.path)).not.toContain('data/secret/a.in');

    const dir = await mkdtemp(join(tmpdir(), 'pkg-'));
    try {
      await writeFile(join(dir, 'problem.yaml'), 'name: x\n');
      await symlink('/etc/passwd', join(dir, 'leak.in'));
      const fromFolder = await packageFromFolder(dir);
      const leak = fromFolder.find((f) => f.path === 'leak.in');
      expect(leak?.leftOut).toContain('outside the package');
      expect(leak?.bytes.length).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counts the copies against the total cap', async () => {
    const zip = await zipWithLinks(
      { ...MINIMAL, 'data/secret/big.ans': 'x'.repeat(600) },
      { 'data/secret/l1.ans': 'big.ans', 'data/secret/l2.ans': 'big.ans' },
    );
    const error = await refusal(packageFromZip(zip, { maxTotalBytes: 1500 }));
    expect(error.message).toContain('symbolic links');
  });
});
