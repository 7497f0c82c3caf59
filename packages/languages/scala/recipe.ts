/**
 * Scala 2 (Debian's `scala`, on OpenJDK 17): the compiler's JVM is started directly (not through the `scalac`
 * script) with short-run flags and compiles every `.scala` file to classes; the program runs on the JVM with
 * Scala's library, its heap sized from the memory limit. The entry is the top-level object with a `main`
 * (or one that `extends App`), `Main` if none is found.
 */
import type { LanguageRecipe } from '../recipe.js';
import {
  JVM_COMPILER_FLAGS,
  JVM_PIDS,
  jvmClassArchiveFlags,
  jvmClassify,
  jvmRunFlags,
} from '../shared/jvm.js';

const SCALA_LIB = '/usr/share/scala-2.11/lib';
const COMPILER_CLASSPATH = ['scala-compiler.jar', 'scala-library.jar', 'scala-reflect.jar', 'scala-xml.jar']
  .map((jar) => `${SCALA_LIB}/${jar}`)
  .join(':');

const TOP_OBJECT = /^object\s+([A-Za-z_$][\w$]*)([^\n{]*)/gm;

/** The top-level object that `extends App` or defines `main`, else `Main`. */
export function scalaMainObject(code: string): string {
  const objects = [...code.matchAll(TOP_OBJECT)];
  for (const [i, match] of objects.entries()) {
    const body = code.slice(match.index, objects[i + 1]?.index ?? code.length);
    if (/\bextends\s+App\b/.test(match[2] ?? '') || /\bdef\s+main\s*\(/.test(body)) return match[1] ?? 'Main';
  }
  return 'Main';
}

/** Flags a submitter may add to scalac: warnings, deprecation and feature notes, optimiser. */
export const SCALA_COMPILER_FLAGS = [
  /^-(deprecation|feature|unchecked|nowarn|optimi[sz]e)$/,
  /^-Xfatal-warnings$/,
  /^-Xlint(:[a-z-]+(,[a-z-]+)*)?$/,
  /^-Ywarn-[a-z-]+$/,
];

export const scalaRecipe: LanguageRecipe = {
  id: 'scala',
  prepare: async (code) => ({ files: { 'main.scala': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/java',
      ...JVM_COMPILER_FLAGS,
      ...jvmClassArchiveFlags(options.classArchive),
      '-cp',
      COMPILER_CLASSPATH,
      '-Dscala.home=/usr/share/scala-2.11',
      '-Dscala.usejavacp=true',
      'scala.tools.nsc.Main',
      ...(options.flags ?? []),
      // scalac writes a jar when the target ends in `.jar` (a folder it would need to exist).
      '-d',
      'main.jar',
      'main.scala',
      ...Object.keys(files).filter((name) => name !== 'main.scala' && name.endsWith('.scala')),
    ],
    flags: SCALA_COMPILER_FLAGS,
    collect: ['main.jar'],
    needs: { timeScale: 3, pids: JVM_PIDS },
    classArchive: true,
  },
  run: (files, { memoryMb }) => {
    const source = files['main.scala'];
    const code = typeof source === 'string' ? source : new TextDecoder().decode(source);
    return [
      '/usr/bin/java',
      ...jvmRunFlags(memoryMb),
      '-cp',
      `main.jar:${SCALA_LIB}/scala-library.jar`,
      scalaMainObject(code),
    ];
  },
  runPids: JVM_PIDS,
  classify: jvmClassify,
  version: {
    argv: ['/usr/bin/java', '-cp', COMPILER_CLASSPATH, 'scala.tools.nsc.Main', '-version'],
    parse: (out) => /version (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
