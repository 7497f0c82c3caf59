// Turns one JSON log line (pino) of a child process into a short, readable console line.
const COLORS = { api: 36, worker: 35, web: 32, redis: 33 };
const LEVEL_COLORS = { warn: 33, error: 31, fatal: 31 };
const SKIP = new Set(['level', 'time', 'service', 'pid', 'msg', 'hostname']);

export function formatLogLine(name, line) {
  const tag = `\x1b[${COLORS[name] ?? 37}m[${name}]\x1b[0m`;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${tag} ${line}`;
  }
  if (typeof entry !== 'object' || entry === null || !('msg' in entry)) return `${tag} ${line}`;
  const level = String(entry.level ?? 'info');
  const fields = Object.entries(entry)
    .filter(([key]) => !SKIP.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const levelText = LEVEL_COLORS[level] ? `\x1b[${LEVEL_COLORS[level]}m${level}\x1b[0m ` : '';
  return `${tag} ${levelText}${entry.msg}${fields ? `  \x1b[2m${fields}\x1b[0m` : ''}`;
}
