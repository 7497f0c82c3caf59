/** 2025-09 `constants`: read from problem.yaml and substituted, on import, into the files the specification lists. */
import { isAlias, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { PackageError, type PackageIssue } from './package-error.js';
import type { PackageFile } from './package-files.js';

/** The specification's rule for a constant's name (and, so that `{{name.variant}}` can name it, a variant's). */
export const CONSTANT_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Each constant's text by variant: `value` always, then the variants problem.yaml gives. */
export type PackageConstants = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** How far substitution may grow the package: a constant used many times must not blow a file up. */
export const CONSTANT_LIMITS = {
  /** Bytes one file may grow by. */
  maxGrowthPerFile: 1024 * 1024,
  /** Bytes all files together may grow by. */
  maxGrowthTotal: 16 * 1024 * 1024,
} as const;

/** Unknown sequences reported, at most, before the rest are counted. */
const MAX_UNKNOWN_WARNINGS = 20;

const WORD = '[a-zA-Z_][a-zA-Z0-9_]*';
/** `{{name}}` or `{{name.variant}}`. */
const BRACES = new RegExp(`\\{\\{(${WORD})(?:\\.(${WORD}))?\\}\\}`, 'g');
/** LaTeX statements: `\constant{name}` or `\constant{name.variant}`. */
const LATEX = new RegExp(`\\\\constant\\{(${WORD})(?:\\.(${WORD}))?\\}`, 'g');
/** The Markdown statement's own commands, which are not constants. */
const STATEMENT_COMMANDS = new Set(['nextsample', 'remainingsamples']);

/** Which form of sequence a file gets, by the specification's list; undefined: none (test data, problem.yaml, …). */
export function constantForm(path: string): 'braces' | 'latex' | undefined {
  if (/^statement\/problem(\.[^/]+)?\.md$/.test(path)) return 'braces';
  if (/^statement\/problem(\.[^/]+)?\.tex$/.test(path)) return 'latex';
  if (/^(input_validators|output_validator|include)\/./.test(path)) return 'braces';
  // Example submissions: the programs in submissions/<folder>/ (not submissions.yaml, their metadata).
  if (/^submissions\/[^/]+\/./.test(path)) return 'braces';
  if (/^data\/(.+\/)?test_group\.yaml$/.test(path)) return 'braces';
  return undefined;
}

/** A scalar's text: a string as it is, an integer in decimal (exactly), a float as problem.yaml writes it. */
function scalarText(node: unknown, doc: Document, where: string, issues: PackageIssue[]): string | undefined {
  const resolved = isAlias(node) ? node.resolve(doc) : node;
  const refuse = (message: string) => {
    issues.push({ file: 'problem.yaml', message: `${where}: ${message}` });
    return undefined;
  };
  if (!isScalar(resolved)) return refuse('must be an integer, a float or a string');
  const value = resolved.value;
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return refuse('must be an integer, a float or a string');
  if (!Number.isFinite(value)) return refuse('must be a finite number');
  const source = (resolved.source ?? String(value)).trim();
  const decimal = /^([-+]?)([0-9]+)$/.exec(source);
  if (decimal) {
    const magnitude = BigInt(decimal[2] as string);
    return `${decimal[1] === '-' && magnitude !== 0n ? '-' : ''}${magnitude}`;
  }
  if (/^0[xo][0-9a-fA-F]+$/.test(source)) return BigInt(source).toString();
  return source;
}

/** Reads problem.yaml's `constants` (2025-09); throws PackageError naming each bad entry. */
export function readConstants(yaml: Buffer, warnings: string[]): PackageConstants {
  // Aliases are only looked up (never expanded); problem.yaml was read whole, with its alias cap, before.
  const doc = parseDocument(yaml.toString('utf8'));
  const node = doc.get('constants', true);
  const out = new Map<string, Map<string, string>>();
  if (node === undefined || (isScalar(node) && node.value === null)) return out;
  const issues: PackageIssue[] = [];
  const resolved = isAlias(node) ? node.resolve(doc) : node;
  if (!isMap(resolved)) {
    throw new PackageError([
      { file: 'problem.yaml', message: 'constants: must be a map of names to values' },
    ]);
  }
  for (const pair of resolved.items) {
    const name = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof name !== 'string' || !CONSTANT_NAME.test(name)) {
      issues.push({
        file: 'problem.yaml',
        message: `constants: ${JSON.stringify(String(isScalar(pair.key) ? pair.key.value : pair.key))} is not a valid name ([a-zA-Z_][a-zA-Z0-9_]*)`,
      });
      continue;
    }
    const variants = new Map<string, string>();
    const inner = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    if (isMap(inner)) {
      for (const variant of inner.items) {
        const key = isScalar(variant.key) ? variant.key.value : undefined;
        if (typeof key !== 'string') {
          issues.push({
            file: 'problem.yaml',
            message: `constants.${name}: a variant's key must be a string`,
          });
          continue;
        }
        const text = scalarText(variant.value, doc, `constants.${name}.${key}`, issues);
        if (text === undefined) continue;
        if (!CONSTANT_NAME.test(key))
          warnings.push(
            `problem.yaml: constants.${name}.${key}: no {{${name}.${key}}} can name this variant ([a-zA-Z_][a-zA-Z0-9_]*); never substituted`,
          );
        variants.set(key, text);
      }
      if (!inner.items.some((variant) => isScalar(variant.key) && variant.key.value === 'value'))
        issues.push({ file: 'problem.yaml', message: `constants.${name}: a map needs its value key` });
    } else {
      const text = scalarText(pair.value, doc, `constants.${name}`, issues);
      if (text !== undefined) variants.set('value', text);
    }
    out.set(name, variants);
  }
  if (issues.length > 0) throw new PackageError(issues);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text files only: UTF-8 without NUL bytes. Anything else (an image, a compiled program) is left alone. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface ConstantSubstitution {
  /** The package's files with the sequences replaced (the same objects where nothing changed). */
  readonly files: PackageFile[];
  /** Paths of the files that changed. */
  readonly substituted: readonly string[];
}

/**
 * Replaces the constant sequences of every listed text file, on its bytes: the sequence's bytes give way to
 * the value's UTF-8, the rest of the file is kept byte for byte. A sequence naming no constant (or no
 * variant of it) is left as it is, with a warning. Throws PackageError naming each file that would grow
 * past CONSTANT_LIMITS.
 */
export function substituteConstants(
  files: readonly PackageFile[],
  constants: PackageConstants,
  warnings: string[],
  limits: { maxGrowthPerFile: number; maxGrowthTotal: number } = CONSTANT_LIMITS,
): ConstantSubstitution {
  if (constants.size === 0) return { files: [...files], substituted: [] };
  const values = new Map<string, Buffer>();
  for (const [name, variants] of constants)
    for (const [variant, text] of variants) {
      const bytes = Buffer.from(text, 'utf8');
      values.set(`${name}.${variant}`, bytes);
      if (variant === 'value') values.set(name, bytes);
    }
  const issues: PackageIssue[] = [];
  const unknown: string[] = [];
  const substituted: string[] = [];
  let grownTotal = 0;
  const out = files.map((file) => {
    const form = constantForm(file.path);
    if (form === undefined) return file;
    // latin1 maps each byte to one character, so match offsets are byte offsets.
    const text = file.bytes.toString('latin1');
    const pattern = form === 'latex' ? LATEX : BRACES;
    pattern.lastIndex = 0;
    if (!pattern.test(text) || !isText(file.bytes)) return file;
    pattern.lastIndex = 0;
    const pieces: Buffer[] = [];
    let at = 0;
    let growth = 0;
    for (const match of text.matchAll(pattern)) {
      const key = match[2] === undefined ? (match[1] as string) : `${match[1]}.${match[2]}`;
      const value = values.get(key);
      if (value === undefined) {
        if (!(form === 'braces' && file.path.startsWith('statement/') && STATEMENT_COMMANDS.has(key)))
          unknown.push(`${file.path}: ${match[0]} names no constant; left as it is`);
        continue;
      }
      growth += value.length - match[0].length;
      if (growth > limits.maxGrowthPerFile || grownTotal + growth > limits.maxGrowthTotal) break;
      pieces.push(file.bytes.subarray(at, match.index), value);
      at = match.index + match[0].length;
    }
    if (growth > limits.maxGrowthPerFile) {
      issues.push({
        file: file.path,
        message: `substituting the constants would make it more than ${limits.maxGrowthPerFile} bytes larger`,
      });
      return file;
    }
    if (grownTotal + growth > limits.maxGrowthTotal) {
      issues.push({
        file: file.path,
        message: `substituting the constants would make the package's files more than ${limits.maxGrowthTotal} bytes larger in all`,
      });
      return file;
    }
    if (pieces.length === 0) return file;
    grownTotal += growth;
    pieces.push(file.bytes.subarray(at));
    substituted.push(file.path);
    return { ...file, bytes: Buffer.concat(pieces) };
  });
  if (issues.length > 0) throw new PackageError(issues);
  warnings.push(...unknown.slice(0, MAX_UNKNOWN_WARNINGS));
  if (unknown.length > MAX_UNKNOWN_WARNINGS)
    warnings.push(`… and ${unknown.length - MAX_UNKNOWN_WARNINGS} more sequences that name no constant`);
  return { files: out, substituted };
}
