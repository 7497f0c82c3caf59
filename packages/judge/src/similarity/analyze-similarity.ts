/**
 * A similarity report's analysis: each language's sources compared by Dolos, which parses them with
 * tree-sitter's native parsers. The sources are written by attackers, so the parsing runs in the sandbox
 * like any submission (a Node program, `dolos-runner.mjs`, with Dolos bound read-only), under CPU, memory,
 * wall-clock and output caps; what it prints is checked against the result's schema before it is kept.
 */
import {
  MAX_SIMILARITY_FRAGMENTS,
  MAX_SIMILARITY_PAIRS,
  similarityResultSchema,
  type LanguageId,
  type SimilarityJob,
  type SimilarityPair,
  type SimilarityResult,
} from '@arbiter/contracts';
import type { RunLimits, Sandbox } from '@arbiter/sandbox';
import { DOLOS_RUNNER_SOURCE, dolosEntry } from './dolos-paths.js';

const MiB = 1024;

/** One analysis (one language's sources) in the sandbox. */
export const SIMILARITY_LIMITS: RunLimits = {
  cpuMs: 30_000,
  wallMs: 60_000,
  memoryKb: 1024 * MiB,
  pids: 64,
  outputBytes: 8 * 1024 * 1024,
  fileSizeBytes: 1024 * 1024,
  openFiles: 256,
  stackKb: 64 * MiB,
};

/** Dolos' name and file ending of each language it parses; others are reported as warnings. */
const DOLOS_LANGUAGES: Partial<Record<LanguageId, { name: string; extension: string }>> = {
  bash: { name: 'bash', extension: '.sh' },
  c: { name: 'c', extension: '.c' },
  cpp: { name: 'cpp', extension: '.cpp' },
  'cpp-clang': { name: 'cpp', extension: '.cpp' },
  csharp: { name: 'c-sharp', extension: '.cs' },
  go: { name: 'go', extension: '.go' },
  groovy: { name: 'groovy', extension: '.groovy' },
  java: { name: 'java', extension: '.java' },
  javascript: { name: 'javascript', extension: '.js' },
  ocaml: { name: 'ocaml', extension: '.ml' },
  php: { name: 'php', extension: '.php' },
  pypy: { name: 'python', extension: '.py' },
  python: { name: 'python', extension: '.py' },
  r: { name: 'r', extension: '.r' },
  rust: { name: 'rust', extension: '.rs' },
  scala: { name: 'scala', extension: '.scala' },
  sql: { name: 'sql', extension: '.sql' },
  typescript: { name: 'typescript', extension: '.ts' },
};

export interface SimilarityOptions {
  signal?: AbortSignal;
  /** Overrides of the sandbox limits (tests). */
  limits?: Partial<RunLimits>;
}

/** Compares each group's sources; pairs of all groups together, most similar first. */
export async function analyzeSimilarity(
  job: SimilarityJob,
  sandbox: Sandbox,
  options: SimilarityOptions = {},
): Promise<SimilarityResult> {
  const entry = dolosEntry();
  if (entry === null)
    return { pairs: [], warnings: ['Dolos (@dodona/dolos-lib) is not installed on the worker'] };
  const pairs: SimilarityPair[] = [];
  const warnings: string[] = [];
  // Languages Dolos parses alike (Python and PyPy, both C++ compilers) are compared together.
  const byParser = new Map<
    string,
    { name: string; extension: string; files: SimilarityJob['groups'][number]['files'] }
  >();
  for (const group of job.groups) {
    const dolos = DOLOS_LANGUAGES[group.language];
    if (dolos === undefined) {
      warnings.push(`${group.language}: not compared (Dolos has no parser for it)`);
      continue;
    }
    const entryOf = byParser.get(dolos.name) ?? { ...dolos, files: [] };
    entryOf.files.push(...group.files);
    byParser.set(dolos.name, entryOf);
  }
  for (const group of byParser.values()) {
    if (group.files.length < 2) continue;
    const report = await sandbox.run({
      argv: [
        '/usr/bin/node',
        `--max-old-space-size=${Math.floor(((options.limits?.memoryKb ?? SIMILARITY_LIMITS.memoryKb) / MiB) * 0.75)}`,
        'runner.mjs',
        String(MAX_SIMILARITY_PAIRS),
        String(MAX_SIMILARITY_FRAGMENTS),
      ],
      files: { 'runner.mjs': DOLOS_RUNNER_SOURCE() },
      stdin: JSON.stringify({
        dolos: entry,
        language: group.name,
        extension: group.extension,
        files: group.files,
      }),
      limits: { ...SIMILARITY_LIMITS, ...options.limits },
      signal: options.signal,
    });
    if (report.status === 'internal_error')
      throw new Error(`the sandbox failed: ${report.error ?? 'unknown'}`);
    if (report.status === 'aborted') throw new Error('the similarity analysis was aborted');
    const stderr = Buffer.from(report.stderr).toString('utf8').slice(-500);
    if (report.status !== 'exited' || report.exitCode !== 0) {
      warnings.push(`${group.name}: the analysis stopped (${report.status}${stderr ? `: ${stderr}` : ''})`);
      continue;
    }
    let parsed: SimilarityResult;
    try {
      parsed = similarityResultSchema.parse(JSON.parse(Buffer.from(report.stdout).toString('utf8')));
    } catch {
      warnings.push(`${group.name}: the analysis printed no valid report`);
      continue;
    }
    // Only ids of this group's files may come back.
    const ids = new Set(group.files.map((file) => file.id));
    pairs.push(...parsed.pairs.filter((pair) => ids.has(pair.left) && ids.has(pair.right)));
    warnings.push(...parsed.warnings.map((warning) => `${group.name}: ${warning}`));
  }
  pairs.sort((a, b) => b.similarity - a.similarity || b.longest - a.longest);
  return { pairs: pairs.slice(0, MAX_SIMILARITY_PAIRS), warnings };
}
