/**
 * The arithmetic of `bench:cpu-floor`: the platform's CPU per job read back from the cpu-per-job section
 * of docs/PERFORMANCE.md or from its printed output, the ratio of what the platform spends to a building block's floor, and the jobs
 * per second a number of cores allows when each job costs the bare program plus the floors.
 */

/** The cpu-per-job table's rows, in ms per job (NaN where a row is missing). */
export interface PlatformCpu {
  api: number;
  worker: number;
  redis: number;
  database: number;
  sandbox: number;
  bare: number;
}

const ROWS: Array<[keyof PlatformCpu, RegExp]> = [
  ['api', /^API$/],
  ['worker', /^worker$/],
  ['redis', /^Redis$/],
  ['database', /^database\b/],
  ['sandbox', /^sandbox set-up\b/],
  ['bare', /^the bare program\b/],
];

/**
 * Reads the rows of the cpu-per-job table: in `text`'s `<!-- bench:cpu-per-job -->` section when it has one
 * (docs/PERFORMANCE.md), else anywhere in it (the benchmark's printed output); null when no row is found.
 */
export function readPlatformCpu(text: string): PlatformCpu | null {
  const from = text.indexOf('<!-- bench:cpu-per-job -->');
  const to = text.indexOf('<!-- /bench:cpu-per-job -->');
  const [start, end] = from >= 0 && to > from ? [from, to] : [0, text.length];
  const found: PlatformCpu = { api: NaN, worker: NaN, redis: NaN, database: NaN, sandbox: NaN, bare: NaN };
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [name, value] = [cells[1], cells[2]];
    if (name === undefined || value === undefined) continue;
    for (const [key, pattern] of ROWS) if (pattern.test(name)) found[key] = Number(value);
  }
  return Object.values(found).every(Number.isNaN) ? null : found;
}

/** How many times the floor the platform spends, as `3.2×` (`–` when either is unknown or the floor is 0). */
export function ratio(platform: number, floor: number): string {
  if (!Number.isFinite(platform) || !Number.isFinite(floor) || floor <= 0) return '–';
  return `${(platform / floor).toFixed(1)}×`;
}

/** Jobs per second `cores` can run when a job costs `perJobMs` of CPU in all (the cores fully busy). */
export function jobsPerSecondCeiling(cores: number, perJobMs: number): number {
  return perJobMs > 0 ? (cores * 1000) / perJobMs : NaN;
}
