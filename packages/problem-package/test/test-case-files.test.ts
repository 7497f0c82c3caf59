/**
 * 2025-09 `X.files`: a case's folder beside its `.in` is read as that case's files (subfolders too, never
 * as a test data group), names the specification does not allow are left out, the caps per case and per
 * package refuse the package naming the folder, links out of the package are refused, and packages of
 * earlier versions keep reading such a folder as a group, and a case file with the name of an input
 * validator's own file is refused, as the specification says.
 */
import { writeZip } from '@arbiter/archive';
import { describe, expect, it } from 'vitest';
import {
  CASE_FILES_LIMITS,
  PackageError,
  packageFromZip,
  parsePackage,
  readTestData,
  type PackageFile,
} from '../src/index.js';

const file = (path: string, text: string): PackageFile => ({
  path,
  bytes: Buffer.from(text),
  executable: false,
});

const CASES = [
  file('data/secret/1.in', 'a.txt\n'),
  file('data/secret/1.ans', '1\n'),
  file('data/secret/1.files/a.txt', '1\n'),
  file('data/secret/1.files/maps/b.txt', '22\n'),
  file('data/secret/1.files/.hidden', 'x\n'),
  file('data/secret/2.in', '\n'),
  file('data/secret/2.ans', '\n'),
];

function refusal(read: () => unknown): PackageError {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(PackageError);
    return e as PackageError;
  }
  throw new Error('not refused');
}

describe('test case files (X.files)', () => {
  it("reads a case's folder as its files by their path in the working directory", () => {
    const data = readTestData(CASES);
    expect(data.cases.map((c) => c.name)).toEqual(['secret/1', 'secret/2']);
    expect(data.groups[0]?.items.map((item) => item.name)).toEqual(['secret/1', 'secret/2']);
    expect(data.cases[0]?.files).toEqual({
      'a.txt': 'data/secret/1.files/a.txt',
      'maps/b.txt': 'data/secret/1.files/maps/b.txt',
    });
    expect(data.cases[1]?.files).toBeUndefined();
    // A name starting with a dot is treated as absent, as the specification says.
    expect(data.ignored).toEqual(['data/secret/1.files/.hidden']);
  });

  it('refuses a case with too many files or bytes, and a package past the total, naming the folder', () => {
    const limits = { ...CASE_FILES_LIMITS, maxFilesPerCase: 1 };
    expect(refusal(() => readTestData(CASES, { limits })).issues).toEqual([
      { file: 'data/secret/1.files', message: 'more than 1 files' },
    ]);
    const small = { ...CASE_FILES_LIMITS, maxBytesPerCase: 4 };
    expect(refusal(() => readTestData(CASES, { limits: small })).issues).toEqual([
      { file: 'data/secret/1.files', message: 'its files pass 4 bytes together' },
    ]);
    const two = [
      ...CASES,
      file('data/secret/2.files/c.txt', '333\n'),
      file('data/secret/3.in', '\n'),
      file('data/secret/3.ans', '\n'),
      file('data/secret/3.files/d.txt', '4444\n'),
    ];
    const total = { ...CASE_FILES_LIMITS, maxBytesTotal: 10 };
    expect(refusal(() => readTestData(two, { limits: total })).issues).toEqual([
      { file: 'data/secret/3.files', message: "the test cases' .files folders pass 10 bytes together" },
    ]);
  });

  it('reads the folder as a group when X.files are not case files (versions before 2025-09)', () => {
    const data = readTestData(CASES, { caseFiles: false });
    expect(data.cases.every((c) => c.files === undefined)).toBe(true);
    expect(data.groups[0]?.items.map((item) => item.name)).toEqual([
      'secret/1',
      'secret/1.files',
      'secret/2',
    ]);
  });

  it('leaves out a link in X.files that leaves the package', async () => {
    const zip = await writeZip([
      { path: 'problem.yaml', bytes: Buffer.from('problem_format_version: 2025-09\nname: x\n') },
      { path: 'data/secret/1.in', bytes: Buffer.from('a\n') },
      { path: 'data/secret/1.ans', bytes: Buffer.from('a\n') },
      { path: 'data/secret/1.files/a.txt', bytes: Buffer.from('../../../../etc/passwd') },
    ]);
    // Mark the entry a symbolic link (Unix mode 0120777 in its central directory record).
    let record = zip.indexOf('PK\x01\x02');
    while (record !== -1) {
      const length = zip.readUInt16LE(record + 28);
      if (zip.subarray(record + 46, record + 46 + length).toString() === 'data/secret/1.files/a.txt')
        zip.writeUInt16LE(0o120777, record + 40);
      record = zip.indexOf('PK\x01\x02', record + 46);
    }
    // Never read: left out of the case's files, and named in the report.
    const files = await packageFromZip(zip);
    const pkg = parsePackage(files);
    expect(pkg.files.has('data/secret/1.files/a.txt')).toBe(false);
    expect(pkg.report.warnings).toContain(
      'data/secret/1.files/a.txt: symbolic link to "../../../../etc/passwd", outside the package: left out',
    );
  });

  it("refuses a case file with the name of an input validator's file, naming the case's file", () => {
    const pkg = (validators: PackageFile[]) => [
      file('problem.yaml', 'problem_format_version: 2025-09\nname: x\n'),
      ...CASES,
      ...validators,
    ];
    expect(() => parsePackage(pkg([file('input_validators/check.py', 'pass\n')]))).not.toThrow();
    expect(
      refusal(() =>
        parsePackage(
          pkg([file('input_validators/a.txt', 'x\n'), file('input_validators/v/maps/b.txt', 'x\n')]),
        ),
      ).issues,
    ).toEqual([
      {
        file: 'data/secret/1.files/a.txt',
        message:
          "has the name of an input validator's file (a.txt); both would be in the validator's working directory",
      },
      {
        file: 'data/secret/1.files/maps/b.txt',
        message:
          "has the name of an input validator's file (maps/b.txt); both would be in the validator's working directory",
      },
    ]);
  });
});
