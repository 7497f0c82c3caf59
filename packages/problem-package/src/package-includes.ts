/** `include/`: code added to every submission (`include/default/`) or to those in one language (`include/<code>/`). */
import type { PackageFile } from './package-files.js';

/** The language codes of the specification's table (appendix "Languages"), and `default`. */
export const INCLUDE_LANGUAGE_CODES: ReadonlySet<string> = new Set([
  'default',
  'ada',
  'algol68',
  'apl',
  'bash',
  'c',
  'cgmp',
  'cobol',
  'cpp',
  'cppgmp',
  'crystal',
  'csharp',
  'd',
  'dart',
  'elixir',
  'erlang',
  'forth',
  'fortran',
  'fsharp',
  'gerbil',
  'go',
  'haskell',
  'java',
  'javaalgs4',
  'javascript',
  'julia',
  'kotlin',
  'lisp',
  'lua',
  'modula2',
  'nim',
  'objectivec',
  'ocaml',
  'octave',
  'odin',
  'pascal',
  'perl',
  'php',
  'prolog',
  'python2',
  'python3',
  'python3numpy',
  'racket',
  'ruby',
  'rust',
  'scala',
  'simula',
  'smalltalk',
  'snobol',
  'swift',
  'typescript',
  'visualbasic',
  'zig',
]);

export interface PackageIncludes {
  /** Per language code (or `default`): file path inside the package, by its path below `include/<code>/`. */
  readonly byLanguage: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Reads `include/`; files directly in it and folders named for no language go to `warnings`. */
export function readIncludes(files: readonly PackageFile[], warnings: string[]): PackageIncludes {
  const byLanguage = new Map<string, Map<string, string>>();
  const stray: string[] = [];
  const unknown = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith('include/')) continue;
    const rest = file.path.slice('include/'.length);
    const slash = rest.indexOf('/');
    if (slash < 0) {
      stray.push(file.path);
      continue;
    }
    const code = rest.slice(0, slash);
    if (!INCLUDE_LANGUAGE_CODES.has(code)) {
      unknown.add(`include/${code}/`);
      continue;
    }
    let map = byLanguage.get(code);
    if (map === undefined) byLanguage.set(code, (map = new Map()));
    map.set(rest.slice(slash + 1), file.path);
  }
  if (stray.length > 0)
    warnings.push(`include/: files outside a language folder, not used: ${stray.join(', ')}`);
  if (unknown.size > 0)
    warnings.push(
      `include/: folders named for no language of the specification's table, not used: ${[...unknown].join(', ')}`,
    );
  return { byLanguage };
}

/**
 * The files to add to a submission in the language `code` (the specification's code), by path: `default`'s,
 * then the language's own over them. `allowed` is false when the package has included code for some
 * languages, none for all (`default`) and none for this one: the 2023-07 text restricts submissions to the
 * languages it has included code for.
 */
export function includesFor(
  includes: PackageIncludes,
  code: string | undefined,
): { allowed: boolean; files: Map<string, string> } {
  const own = code === undefined ? undefined : includes.byLanguage.get(code);
  const defaults = includes.byLanguage.get('default');
  const allowed = includes.byLanguage.size === 0 || defaults !== undefined || own !== undefined;
  return { allowed, files: new Map([...(defaults ?? []), ...(own ?? [])]) };
}
