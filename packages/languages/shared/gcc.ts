/** What C and C++ share: GCC's version, the sources of a program, the flags a submitter may add. */

export const gccVersion = (out: string): string | null => /^(\d+\.\d+(\.\d+)?)/.exec(out.trim())?.[1] ?? null;

/** Sources of the program with one of these endings, in the order sent (the entry first). */
export function sourcesOf(files: Record<string, unknown>, entry: string, endings: RegExp): string[] {
  return [entry, ...Object.keys(files).filter((name) => name !== entry && endings.test(name))];
}

/**
 * Flags a submitter may add, shared by C and C++ (argv entries after the defaults, so a later
 * `-O` or `-std` wins): optimisation levels, warnings (no `-Wl,`/`-Wa,`: no commas), macros. Nothing
 * that names a file, a path, a plugin or another program (`-o`, `-I`, `-include`, `-B`, `-fplugin`, `@file`).
 */
export const GCC_COMMON_FLAGS = [
  /^-O[0-3sg]$/,
  /^-Ofast$/,
  /^-W[a-z][a-z0-9+-]*(=[a-z0-9+-]+)?$/,
  /^-w$/,
  /^-pedantic(-errors)?$/,
  /^-g[0-3]?$/,
  /^-D[A-Za-z_][A-Za-z0-9_]*(=[A-Za-z0-9_.+-]{0,100})?$/,
  /^-U[A-Za-z_][A-Za-z0-9_]*$/,
];
