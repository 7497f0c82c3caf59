/** include/: which files a submission in each language gets, and when a language is refused. */
import { describe, expect, it } from 'vitest';
import { includesFor, readIncludes } from '../src/package-includes.js';

const file = (path: string) => ({ path, bytes: Buffer.from(path), executable: false });

describe('included code', () => {
  it("gives default's files with the language's own over them, and warns of what it cannot use", () => {
    const warnings: string[] = [];
    const includes = readIncludes(
      [
        file('include/default/a.h'),
        file('include/default/lib/b.h'),
        file('include/cpp/a.h'),
        file('include/stray.txt'),
        file('include/klingon/x.k'),
        file('data/secret/1.in'),
      ],
      warnings,
    );
    expect(Object.fromEntries(includesFor(includes, 'cpp').files)).toEqual({
      'a.h': 'include/cpp/a.h',
      'lib/b.h': 'include/default/lib/b.h',
    });
    expect(Object.fromEntries(includesFor(includes, 'python3').files)).toEqual({
      'a.h': 'include/default/a.h',
      'lib/b.h': 'include/default/lib/b.h',
    });
    expect(includesFor(includes, 'python3').allowed).toBe(true);
    expect(warnings.join('\n')).toMatch(/include\/stray\.txt/);
    expect(warnings.join('\n')).toMatch(/include\/klingon\//);
  });

  it('without default files, restricts submissions to the languages it has code for', () => {
    const includes = readIncludes([file('include/cpp/a.h')], []);
    expect(includesFor(includes, 'cpp').allowed).toBe(true);
    expect(includesFor(includes, 'python3').allowed).toBe(false);
    expect(includesFor(includes, undefined).allowed).toBe(false);
    expect(includesFor(readIncludes([], []), 'python3')).toEqual({ allowed: true, files: new Map() });
  });
});
