/**
 * Loads problems from disk: `problems/<slug>/problem.yaml`, `statement.md`, `tests/sample.json`,
 * `tests/hidden.json`, `solutions/*` and, for comparator `checker`, `checker.ts` (imported, so
 * this runs under tsx or Vitest like the rest of the platform). Every problem found is reported
 * at once, each naming its file and field.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGUAGE_IDS, LISTED_LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { parse as parseYaml } from 'yaml';
import type { CheckFn, FunctionSignature, Problem, ReferenceSolution } from './problem.js';
import { ProblemFormatError, type ProblemIssue } from './problem-error.js';
import { problemYamlSchema, type ProblemYaml } from './schema.js';
import { supportedLanguages, unsupportedReason } from './support.js';
import { parseFunctionTests, parseStdioTests, type Parsed } from './tests.js';
import { parseType, type TypeNode } from '@arbiter/languages/signature';

export type Catalog = ReadonlyMap<string, Problem>;

/** Solution files by extension. */
const SOLUTION_LANGUAGES: Record<string, LanguageId> = {
  '.py': 'python',
  '.js': 'javascript',
  '.ts': 'typescript',
  '.cpp': 'cpp',
  '.c': 'c',
  '.java': 'java',
  '.go': 'go',
  '.rb': 'ruby',
  '.php': 'php',
  '.rs': 'rust',
  '.cs': 'csharp',
  '.scala': 'scala',
  '.kt': 'kotlin',
};

/** Loads every problem folder under `root`, keyed by slug in slug order. */
export async function loadCatalog(root: string): Promise<Catalog> {
  const base = resolve(root);
  const entries = await readdir(base, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const issues: ProblemIssue[] = [];
  const problems: Problem[] = [];
  for (const folder of folders.sort()) {
    try {
      problems.push(await loadProblem(join(base, folder), base));
    } catch (error) {
      if (!(error instanceof ProblemFormatError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new ProblemFormatError(issues);
  return new Map(problems.map((problem) => [problem.slug, problem]));
}

/** Loads one problem folder; file names in errors are relative to `relativeTo` (default: the folder's parent). */
export async function loadProblem(dir: string, relativeTo?: string): Promise<Problem> {
  const folder = resolve(dir);
  const base = relativeTo === undefined ? resolve(folder, '..') : resolve(relativeTo);
  const issues: ProblemIssue[] = [];
  const fileName = (file: string) => relative(base, join(folder, file));
  const report = (file: string, field: string, message: string) =>
    issues.push({ file: fileName(file), field, message });
  const done = () => {
    if (issues.length > 0) throw new ProblemFormatError(issues);
  };

  const meta = await readYaml(folder, report);
  done();
  if (meta === null) throw new ProblemFormatError(issues);
  if (meta.slug !== basename(folder)) {
    report('problem.yaml', 'slug', `must match the folder name "${basename(folder)}"`);
  }
  const signature = meta.kind === 'function' ? readSignature(meta, report) : null;
  // Tests cannot be checked without a signature.
  if (meta.kind === 'function' && signature === null) done();
  const languages = chooseLanguages(meta, signature, report);

  const statement = await readText(folder, 'statement.md', report);
  if (statement !== null && statement.trim() === '') report('statement.md', '', 'must not be empty');
  const readTests = async (file: string) => {
    const data = await readJson(folder, file, report);
    if (data === undefined) return [];
    const parsed: Parsed<unknown[]> =
      signature === null ? parseStdioTests(data) : parseFunctionTests(signature, data);
    if (!parsed.ok) {
      for (const error of parsed.errors) report(file, error.field, error.message);
      return [];
    }
    return parsed.value;
  };
  const samples = await readTests('tests/sample.json');
  const hidden = await readTests('tests/hidden.json');
  if (issues.length === 0 && samples.length === 0) report('tests/sample.json', '', 'needs at least one test');
  const solutions = await readSolutions(folder, languages, report);
  const checker = meta.kind === 'function' ? await readChecker(folder, meta.comparator, report) : null;
  done();

  const base_ = {
    slug: meta.slug,
    title: meta.title,
    difficulty: meta.difficulty,
    tags: meta.tags,
    limits: meta.limits,
    languages,
    dir: folder,
    statement: statement ?? '',
    solutions,
    showSolutions: meta.showSolutions,
  };
  if (meta.kind === 'stdio' || signature === null) {
    return { ...base_, kind: 'stdio', samples: samples as never, hidden: hidden as never };
  }
  return {
    ...base_,
    kind: 'function',
    signature,
    comparator: meta.comparator,
    checker,
    samples: samples as never,
    hidden: hidden as never,
  };
}

type Report = (file: string, field: string, message: string) => void;

async function readText(folder: string, file: string, report: Report): Promise<string | null> {
  try {
    return await readFile(join(folder, file), 'utf8');
  } catch (error) {
    report(file, '', isMissing(error) ? 'is missing' : String(error));
    return null;
  }
}

async function readYaml(folder: string, report: Report): Promise<ProblemYaml | null> {
  const text = await readText(folder, 'problem.yaml', report);
  if (text === null) return null;
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    report(
      'problem.yaml',
      '',
      `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
  const parsed = problemYamlSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report('problem.yaml', issue.path.join('.'), issue.message);
    return null;
  }
  return parsed.data;
}

async function readJson(folder: string, file: string, report: Report): Promise<unknown> {
  const text = await readText(folder, file, report);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    report(file, '', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function readSignature(
  meta: Extract<ProblemYaml, { kind: 'function' }>,
  report: Report,
): FunctionSignature | null {
  const type = (text: string, field: string): TypeNode | null => {
    try {
      return parseType(text);
    } catch (error) {
      report('problem.yaml', field, error instanceof Error ? error.message : String(error));
      return null;
    }
  };
  const fn = meta.function;
  const params = fn.params.map((param, i) => ({
    name: param.name,
    type: type(param.type, `function.params.${i}.type`),
  }));
  const returns = type(fn.returns, 'function.returns');
  const seen = new Set<string>();
  fn.params.forEach((param, i) => {
    if (seen.has(param.name))
      report('problem.yaml', `function.params.${i}.name`, `"${param.name}" is repeated`);
    seen.add(param.name);
  });
  if (returns === null || params.some((param) => param.type === null)) return null;
  const names = Object.fromEntries(LANGUAGE_IDS.map((id) => [id, fn.names?.[id] ?? fn.name])) as Record<
    LanguageId,
    string
  >;
  return { name: fn.name, params: params as FunctionSignature['params'], returns, names };
}

function chooseLanguages(
  meta: ProblemYaml,
  signature: FunctionSignature | null,
  report: Report,
): LanguageId[] {
  if (signature === null) return meta.languages ?? [...LISTED_LANGUAGE_IDS];
  const types = [...signature.params.map((p) => p.type), signature.returns];
  if (meta.languages === undefined) return supportedLanguages(types);
  meta.languages.forEach((language, i) => {
    const reason = unsupportedReason(language, types);
    if (reason !== null)
      report('problem.yaml', `languages.${i}`, `${language} is not possible here: ${reason}`);
  });
  return meta.languages;
}

async function readSolutions(
  folder: string,
  languages: LanguageId[],
  report: Report,
): Promise<ReferenceSolution[]> {
  let files: string[];
  try {
    files = (await readdir(join(folder, 'solutions'))).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const solutions: ReferenceSolution[] = [];
  for (const file of files) {
    const language = SOLUTION_LANGUAGES[extname(file)];
    if (language === undefined) {
      report(
        `solutions/${file}`,
        '',
        `unknown extension (expected ${Object.keys(SOLUTION_LANGUAGES).join(', ')})`,
      );
      continue;
    }
    if (!languages.includes(language)) {
      report(`solutions/${file}`, '', `${language} is not among the problem's languages`);
      continue;
    }
    solutions.push({ language, file, code: await readFile(join(folder, 'solutions', file), 'utf8') });
  }
  return solutions;
}

async function readChecker(folder: string, comparator: string, report: Report): Promise<CheckFn | null> {
  const file = join(folder, 'checker.ts');
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (comparator !== 'checker') {
    if (exists) report('checker.ts', '', 'is present but the comparator is not "checker"');
    return null;
  }
  if (!exists) {
    report('checker.ts', '', 'is missing (comparator "checker" needs it)');
    return null;
  }
  const module = (await import(pathToFileURL(file).href)) as { check?: unknown };
  if (typeof module.check !== 'function') {
    report('checker.ts', 'check', 'must export a function check(input, expected, actual)');
    return null;
  }
  return module.check as CheckFn;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
