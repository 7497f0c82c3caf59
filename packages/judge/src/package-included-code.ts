/**
 * A package's `include/` code added to a submission before it is compiled (the 2023-07 "Included code"):
 * `include/default/`'s files, then `include/<code>/`'s over them, where `<code>` is the specification's
 * code for the submission's language; both overwrite the submission's own files of the same name.
 */
import type { LanguageId } from '@arbiter/contracts';
import { includesFor, type ProblemPackage } from '@arbiter/problem-package';

/** Arbiter's languages by the specification's code (appendix "Languages"); absent: no code there. */
const SPEC_CODES: Partial<Record<LanguageId, string>> = {
  ada: 'ada',
  bash: 'bash',
  c: 'c',
  cpp: 'cpp',
  'cpp-clang': 'cpp',
  crystal: 'crystal',
  csharp: 'csharp',
  d: 'd',
  elixir: 'elixir',
  erlang: 'erlang',
  fortran: 'fortran',
  go: 'go',
  haskell: 'haskell',
  java: 'java',
  javascript: 'javascript',
  kotlin: 'kotlin',
  commonlisp: 'lisp',
  lua: 'lua',
  nim: 'nim',
  ocaml: 'ocaml',
  pascal: 'pascal',
  perl: 'perl',
  php: 'php',
  prolog: 'prolog',
  python: 'python3',
  pypy: 'python3',
  racket: 'racket',
  ruby: 'ruby',
  rust: 'rust',
  scala: 'scala',
  typescript: 'typescript',
};

export type IncludedProgram =
  { ok: true; files: Record<string, string | Uint8Array> | undefined } | { ok: false; message: string };

/**
 * The submission's other files with the package's included code laid over them; refused (`ok: false`)
 * when the package has included code only for other languages.
 */
export function withIncludedCode(
  pkg: ProblemPackage,
  language: LanguageId,
  files: Record<string, string | Uint8Array> | undefined,
): IncludedProgram {
  const code = SPEC_CODES[language];
  const { allowed, files: included } = includesFor(pkg.includes, code);
  if (!allowed) {
    const languages = [...pkg.includes.byLanguage.keys()].sort().join(', ');
    return {
      ok: false,
      message: `This problem takes submissions only in the languages its included code is for (${languages}).\n`,
    };
  }
  if (included.size === 0) return { ok: true, files };
  const merged: Record<string, string | Uint8Array> = { ...files };
  for (const [name, path] of included) {
    const file = pkg.files.get(path);
    if (file !== undefined) merged[name] = file.bytes;
  }
  return { ok: true, files: merged };
}
