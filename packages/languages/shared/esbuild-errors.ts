/**
 * Turns esbuild's command-line diagnostics (`✘ [ERROR] text` then `main.ts:3:6:` and a code excerpt)
 * into compiler-style messages (`main.ts:3:7: error: text`), followed by esbuild's own excerpt. The input
 * is the compile step's output, already capped by the sandbox; each message keeps one excerpt of the
 * line, which esbuild itself shortens, so the result is at most a few lines per message.
 */

const HEADER = /^[✘X▲] \[(ERROR|WARNING)\] (.*)$/u;
const LOCATION = /^\s+([^\s:]+):(\d+):(\d+):$/;

export function formatEsbuildOutput(output: string): string {
  const lines = output.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const header = HEADER.exec(line);
    if (header === null) {
      if (line.trim().length > 0 && !/^\d+ (error|warning)s? /.test(line.trim())) out.push(line);
      continue;
    }
    const severity = header[1] === 'ERROR' ? 'error' : 'warning';
    const text = header[2] ?? '';
    // The location line follows a blank line; esbuild's excerpt follows the location.
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j += 1;
    const location = LOCATION.exec(lines[j] ?? '');
    if (location === null) {
      out.push(`${severity}: ${text}`);
      continue;
    }
    // esbuild prints the column from 0; compilers (and editors) count from 1.
    out.push(`${location[1]}:${location[2]}:${Number(location[3]) + 1}: ${severity}: ${text}`);
    j += 1;
    while (j < lines.length && (lines[j] ?? '').trim() !== '' && !HEADER.test(lines[j] ?? '')) {
      out.push(lines[j] ?? '');
      j += 1;
    }
    i = j - 1;
  }
  return out.join('\n').trimEnd();
}
