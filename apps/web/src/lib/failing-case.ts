// A failing test's input as shown (`nums = [3,2,4]` per line) turned back into a test case (one JSON value per line).
import type { ProblemDetail } from '@arbiter/contracts';

/** The test-case text for a failing test's input; null when it cannot be read back (e.g. clipped). */
export function failingInputAsCase(problem: ProblemDetail, shown: string): string | null {
  if (problem.signature === null) return shown;
  const lines = shown.split('\n');
  const params = problem.signature.params;
  if (lines.length !== params.length) return null;
  const values: string[] = [];
  for (const [i, param] of params.entries()) {
    const prefix = `${param.name} = `;
    const line = lines[i] ?? '';
    if (!line.startsWith(prefix)) return null;
    const value = line.slice(prefix.length);
    try {
      JSON.parse(value);
    } catch {
      return null;
    }
    values.push(value);
  }
  return values.join('\n');
}
