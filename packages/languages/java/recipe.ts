/**
 * Java 17. The source file is named after the public class (else the class with `main`, else `Main`), compiled
 * with a fast-starting javac, and run by that class's name qualified with the file's `package`,
 * with a heap sized from the memory limit so that running out of heap is a clean
 * `OutOfMemoryError` (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';
import { jvmClassArchiveFlags } from '../shared/jvm.js';

const PUBLIC_CLASS = /^([ \t]*)public\s+(?:(?:final|abstract|strictfp)\s+)*class\s+([A-Za-z_$][\w$]*)/gm;

const CLASS_KEYWORD = /\bclass\s+([A-Za-z_$][\w$]*)/y;
const MAIN_METHOD = /static\s+(?:(?:public|final|synchronized)\s+)*void\s+main\s*\(/y;

/** Whether `code[i]` starts a word (no identifier character before it). */
const wordStart = (code: string, i: number): boolean => i === 0 || !/[\w$]/.test(code[i - 1] as string);

/**
 * The top-level class whose body declares `static void main`: braces counted outside comments, strings
 * and character literals, so a nested class (the harness's `ArbReader` inside `Main`) is never taken.
 */
function classWithMain(code: string): string | undefined {
  let depth = 0;
  let topLevel: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end === -1 ? code.length : end + 1;
    } else if (code.startsWith('"""', i)) {
      const end = code.indexOf('"""', i + 3);
      i = end === -1 ? code.length : end + 2;
    } else if (c === '"' || c === "'") {
      // A literal ends at its unescaped quote (or, malformed, at the line's end).
      for (i++; i < code.length && code[i] !== c && code[i] !== '\n'; i++) if (code[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === 'c' && depth === 0 && wordStart(code, i)) {
      CLASS_KEYWORD.lastIndex = i;
      const name = CLASS_KEYWORD.exec(code)?.[1];
      if (name !== undefined) topLevel = name;
    } else if (c === 's' && depth === 1 && topLevel !== undefined && wordStart(code, i)) {
      MAIN_METHOD.lastIndex = i;
      if (MAIN_METHOD.test(code)) return topLevel;
    }
  }
  return undefined;
}

/**
 * The public top-level class (the least indented one; nested classes are indented); without one, the
 * top-level class that declares `static void main` (`class TestHello` with no `public`, as DOMjudge's and
 * problemtools' example submissions write it), else `Main`.
 */
export function javaMainClass(code: string): string {
  let best: { indent: number; name: string } | null = null;
  for (const match of code.matchAll(PUBLIC_CLASS)) {
    const indent = match[1]?.length ?? 0;
    const name = match[2];
    if (name !== undefined && (best === null || indent < best.indent)) best = { indent, name };
  }
  return best?.name ?? classWithMain(code) ?? 'Main';
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
