// Finds file:line:column diagnostics in compiler output (GCC, javac, Python, esbuild) for editor markers.
export interface Diagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

const GCC =
  /^[^\s:]+\.(?:c|cpp|cc|h|hpp|java|ts|js|py):(\d+):(?:(\d+):)?\s*(error|warning|fatal error)?:?\s*(.*)$/;
const PYTHON = /^\s*File "[^"]*", line (\d+)/;

export function parseDiagnostics(output: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const lines = output.split('\n');
  lines.forEach((text, i) => {
    const gcc = GCC.exec(text);
    if (gcc) {
      const severity = gcc[3] === 'warning' ? 'warning' : 'error';
      found.push({
        line: Number(gcc[1]),
        column: Number(gcc[2] ?? 1),
        severity,
        message: gcc[4] ?? text,
      });
      return;
    }
    const python = PYTHON.exec(text);
    if (python) {
      const message = lines.slice(i + 1).find((next) => /Error/.test(next)) ?? 'Syntax error';
      found.push({ line: Number(python[1]), column: 1, severity: 'error', message: message.trim() });
    }
  });
  return found.filter((diagnostic) => diagnostic.line > 0);
}
