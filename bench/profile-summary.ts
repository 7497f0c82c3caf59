/**
 * Summarises a V8 CPU profile (`.cpuprofile`, e.g. from `bench:cpu-per-job --profile <dir>`): the share of
 * samples spent in each function (self time) and in each source file or package, highest first.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 30] [--jobs N]
 *
 * With `--jobs`, times are also given in ms per job.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    jobs: { type: 'string' },
    /** Also list inclusive time of the project's own functions (apps/, packages/). */
    inclusive: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (file === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile> [--top N] [--jobs N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(values.top);
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
/** Microseconds of samples per node (a sample's time is the delta that follows it). */
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
});

function where(url: string): string {
  if (url === '') return '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1] !== undefined) return nm[1];
  const own = /\/(apps|packages)\/([^/]+)\/(.*)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}/${own[3]}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

const functions = new Map<string, number>();
const places = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (node === undefined) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  total += us;
  if (functionName === '(idle)') {
    idle += us;
    continue;
  }
  const name = `${functionName || '(anonymous)'} ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
  const place = where(url);
  places.set(place, (places.get(place) ?? 0) + us);
}
const busy = total - idle;
const row = (name: string, us: number) =>
  `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%` +
  `${jobs === undefined ? '' : ` ${(us / 1000 / jobs).toFixed(3).padStart(8)} ms/job`}  ${name}`;
const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);

console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy`);
console.log('\nBy file or package (self time):');
for (const [name, us] of sorted(places)) console.log(row(name, us));
console.log('\nBy function (self time):');
for (const [name, us] of sorted(functions)) console.log(row(name, us));

if (values.inclusive) {
  // Inclusive time of the project's own functions: each sample counts once for every distinct own function
  // on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const own = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined) break;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') break;
      const place = where(url);
      if (!/^(apps|packages)\//.test(place)) continue;
      seen.add(`${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`);
    }
    for (const name of seen) own.set(name, (own.get(name) ?? 0) + us);
  }
  console.log("\nThe project's own functions (inclusive time):");
  for (const [name, us] of sorted(own)) console.log(row(name, us));
}
