/**
 * Shared by the problem-judging tests: the sandbox they run in (one line to switch to the
 * bubblewrap sandbox), the compile context a worker would use (a compile cache, so judging the
 * same code twice compiles once; the precompiled C++ header and the JVM compilers' class archives,
 * built once per machine), the catalog, and small builders of synthetic function problems.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import {
  CATALOG_ROOT,
  loadCatalog,
  parseType,
  type Catalog,
  type FunctionProblem,
  type FunctionTest,
  type Problem,
} from '@arbiter/problems';
import { createUnsandboxedSandbox, type Sandbox } from '@arbiter/sandbox';
import {
  buildPrecompiledHeader,
  classArchiveLanguages,
  classArchivePath,
  CompileCache,
  javaVersion,
  detectToolchains,
  precompiledHeaderDir,
  type CompileContext,
} from '../src/index.js';

/** The sandbox the problem tests run in. */
export function testSandbox(): Sandbox {
  return createUnsandboxedSandbox();
}

let context: Promise<CompileContext> | null = null;

/** Toolchain versions, a fresh compile cache and the precompiled header (kept under the temp dir between runs). */
export function testCompileContext(): Promise<CompileContext> {
  context ??= (async () => {
    const versions = Object.fromEntries((await detectToolchains()).map((t) => [t.id, t.version]));
    const gxx = versions.cpp;
    const header =
      gxx === undefined
        ? null
        : await buildPrecompiledHeader(precompiledHeaderDir(join(tmpdir(), 'arbiter-test-pch'), gxx));
    // The JVM compilers' class archives where a worker with the default cache folder keeps them (the
    // integration suites' warm-up worker builds them): used if there, never built here.
    const classArchives: Partial<Record<LanguageId, string>> = {};
    const java = await javaVersion().catch(() => null);
    const archiveRoot = join(tmpdir(), 'arbiter-cache', 'jvm-class-archives');
    for (const id of java === null ? [] : classArchiveLanguages(Object.keys(versions) as LanguageId[])) {
      const archive = classArchivePath(archiveRoot, id, versions[id] ?? '', java ?? '');
      if (existsSync(archive)) classArchives[id] = archive;
    }
    return { cache: new CompileCache(), versions, pchDir: header?.includeDir, classArchives };
  })();
  return context;
}

let catalog: Promise<Catalog> | null = null;

export function testCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog(CATALOG_ROOT);
  return catalog;
}

export async function catalogProblem(slug: string): Promise<Problem> {
  const problem = (await testCatalog()).get(slug);
  if (problem === undefined) throw new Error(`no problem ${slug} in the catalog`);
  return problem;
}

/** A function problem with one parameter `x` of `type`, returning the same type, with `values` as samples. */
export function echoProblem(type: string, values: unknown[], languages: LanguageId[]): FunctionProblem {
  const t = parseType(type);
  const samples: FunctionTest[] = values.map((value) => ({ args: [value], expected: value }));
  return {
    kind: 'function',
    slug: 'echo',
    title: 'Echo',
    difficulty: 'easy',
    tags: [],
    limits: { timeMs: 5_000, memoryMb: 256 },
    languages,
    dir: '/nonexistent',
    statement: 'Return x.',
    solutions: [],
    signature: {
      name: 'echo',
      params: [{ name: 'x', type: t }],
      returns: t,
      names: Object.fromEntries(LANGUAGE_IDS.map((id) => [id, 'echo'])) as Record<LanguageId, string>,
    },
    comparator: 'exact',
    checker: null,
    samples,
    hidden: [],
  };
}
