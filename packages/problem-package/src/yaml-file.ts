/** Reads one YAML file of a package into a value, or a package error naming the file and the line. */
import { parse } from 'yaml';
import type { z } from 'zod';
import { PackageError, type PackageIssue } from './package-error.js';

export function readYaml(file: string, bytes: Buffer): unknown {
  try {
    // YAML 1.2 core schema; the parser bounds alias expansion (no billion laughs).
    return parse(bytes.toString('utf8'), { prettyErrors: true, maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new PackageError([
      { file, message: `not valid YAML: ${e instanceof Error ? e.message : String(e)}` },
    ]);
  }
}

export function zodIssues(file: string, error: z.ZodError): PackageIssue[] {
  return error.issues.map((issue) => ({
    file,
    message: `${issue.path.length === 0 ? '' : `${issue.path.join('.')}: `}${issue.message}`,
  }));
}

/** Keys of `value` that `known` does not list, dotted, for the report's "unsupported" list. */
export function unknownKeys(
  value: unknown,
  known: Record<string, readonly string[] | true>,
  prefix = '',
): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const out: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const rule = known[key];
    if (rule === undefined) out.push(`${prefix}${key}`);
    else if (rule !== true) {
      out.push(
        ...unknownKeys(inner, Object.fromEntries(rule.map((k) => [k, true as const])), `${prefix}${key}.`),
      );
    }
  }
  return out;
}
