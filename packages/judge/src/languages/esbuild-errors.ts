/** Turns esbuild's parse errors into compiler-style messages (`main.ts:3:7: error: …`). */

interface EsbuildMessage {
  text: string;
  location: { line: number; column: number; lineText: string } | null;
}

function isMessageList(value: unknown): value is EsbuildMessage[] {
  return (
    Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'text' in item)
  );
}

export function formatEsbuildError(error: unknown, file: string): string {
  const errors = typeof error === 'object' && error !== null && 'errors' in error ? error.errors : undefined;
  if (!isMessageList(errors)) return error instanceof Error ? error.message : String(error);
  return errors
    .map(({ text, location }) =>
      location
        ? `${file}:${location.line}:${location.column + 1}: error: ${text}\n    ${location.lineText}\n    ${' '.repeat(location.column)}^`
        : `${file}: error: ${text}`,
    )
    .join('\n');
}
