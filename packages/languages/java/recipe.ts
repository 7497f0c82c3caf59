/**
 * Java 17. The source file is named after the public class (else the class with `main`, else `Main`), compiled
 * with a fast-starting javac, and run by that class's name qualified with the file's `package`,
 * with a heap sized from the memory limit so that running out of heap is a clean
 * `OutOfMemoryError` (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';
import { jvmClassArchiveFlags } from '../shared/jvm.js';

const PUBLIC_CLASS = /^([ \t]*)public\s+(?:(?:final|abstract|strictfp)\s+)*class\s+([A-Za-z_$][\w$]*)/gm;

const ANY_CLASS = /^[ \t]*(?:(?:public|final|abstract|strictfp|static)\s+)*class\s+([A-Za-z_$][\w$]*)/gm;
const MAIN_METHOD = /\bstatic\s+(?:(?:public|final|synchronized)\s+)*void\s+main\s*\(/;

/**
 * The public top-level class (the least indented one; nested classes are indented); without one, the
 * class that declares `static void main` (the nearest class declaration before it: `class TestHello`
 * with no `public`, as DOMjudge's and problemtools' example submissions write it), else `Main`.
 */
export function javaMainClass(code: string): string {
  let best: { indent: number; name: string } | null = null;
  for (const match of code.matchAll(PUBLIC_CLASS)) {
    const indent = match[1]?.length ?? 0;
    const name = match[2];
    if (name !== undefined && (best === null || indent < best.indent)) best = { indent, name };
  }
  if (best !== null) return best.name;
  const main = MAIN_METHOD.exec(code)?.index;
  if (main === undefined) return 'Main';
  let owner: string | undefined;
  for (const match of code.matchAll(ANY_CLASS)) if (match.index < main) owner = match[1];
  return owner ?? 'Main';
}

const PACKAGE = /^[ \t]*package\s+([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*;/m;

/** The class the JVM starts: the main class qualified by the file's `package` declaration, if any. */
export function javaEntryClass(code: string): string {
  const name = javaMainClass(code);
  const declared = PACKAGE.exec(code)?.[1]?.replace(/\s+/g, '');
  return declared === undefined ? name : `${declared}.${name}`;
}

/** Marker the JVM prints when the heap runs out; the judge maps it to MEMORY_LIMIT_EXCEEDED. */
export const JAVA_OOM = 'java.lang.OutOfMemoryError';

/** Flags a submitter may add to javac: lint warnings, debug info, parameter names; nothing naming a path. */
export const JAVA_COMPILER_FLAGS = [
  /^-Xlint(:-?[a-z]+(,-?[a-z]+)*)?$/,
  /^-Werror$/,
  /^-nowarn$/,
  /^-deprecation$/,
  /^-g(:none|:(lines|vars|source)(,(lines|vars|source))*)?$/,
  /^-parameters$/,
  /^-Xdiags:(compact|verbose)$/,
];

export const javaRecipe: LanguageRecipe = {
  id: 'java',
  prepare: async (code) => ({ files: { [`${javaMainClass(code)}.java`]: code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/javac',
      '-J-XX:TieredStopAtLevel=1',
      '-J-XX:+UseSerialGC',
      '-J-Xshare:auto',
      ...jvmClassArchiveFlags(options.classArchive).map((flag) => `-J${flag}`),
      '-encoding',
      'UTF-8',
      '-d',
      'classes',
      ...(options.flags ?? []),
      ...Object.keys(files).filter((name) => name.endsWith('.java')),
    ],
    flags: JAVA_COMPILER_FLAGS,
    collect: ['classes'],
    classArchive: true,
  },
  run: (files, { memoryMb }) => {
    const source = Object.keys(files).find((file) => file.endsWith('.java')) ?? 'Main.java';
    const code = files[source];
    // javac puts a class of `package a.b` in classes/a/b/: the JVM starts it by its qualified name.
    const entry =
      code === undefined
        ? source.slice(0, -'.java'.length)
        : javaEntryClass(typeof code === 'string' ? code : new TextDecoder().decode(code));
    // Heap below the cgroup limit leaves room for metaspace, code cache and thread stacks.
    const heapMb = Math.max(32, memoryMb - 64);
    return [
      '/usr/bin/java',
      `-Xmx${heapMb}m`,
      '-Xss64m',
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Xshare:auto',
      '-cp',
      'classes',
      entry,
    ];
  },
  // The heap cap's error; -XX:+ExitOnOutOfMemoryError's notice goes to stdout.
  classify: ({ stdout, stderr }) =>
    stderr.includes(JAVA_OOM) || stdout.slice(-200).includes(JAVA_OOM) ? 'MEMORY_LIMIT_EXCEEDED' : null,
  version: {
    argv: ['/usr/bin/java', '-version'],
    parse: (out) => /version "([^"]+)"/.exec(out)?.[1] ?? null,
  },
};
